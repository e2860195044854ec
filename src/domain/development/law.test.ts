import { describe, expect, it } from 'vitest';
import { carried, orderEvents, probationEndOn } from './case-events.ts';
import { ageOn, birthdayAt, dev01MinAge, dev08Vote } from './law.ts';

describe('ages (DEV-01)', () => {
  it('counts the birthday itself; 29 February turns a year older on 1 March of a common year', () => {
    expect(ageOn('2001-03-15', '2019-03-14')).toBe(17);
    expect(ageOn('2001-03-15', '2019-03-15')).toBe(18);
    expect(birthdayAt('2004-02-29', 18)).toBe('2022-03-01');
    expect(birthdayAt('2004-02-29', 20)).toBe('2024-02-29');
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(17);
    expect(dev01MinAge('2004-02-29', '2022-02-28', 18)?.message.zh).toBe(
      '申请入党时未满18周岁（2004-02-29出生，2022-02-28申请时17周岁，2022-03-01年满18周岁）',
    );
    expect(dev01MinAge('2004-02-29', '2022-03-01', 18)).toBeNull();
  });
});

describe('votes and probation', () => {
  it('a vote carries with more yes votes than half of the members expected', () => {
    expect(carried({ expected: 20, present: 20, yes: 11, no: 9, abstain: 0 })).toBe(true);
    expect(carried({ expected: 20, present: 20, yes: 10, no: 10, abstain: 0 })).toBe(false);
    expect(carried(undefined)).toBe(false);
  });
  it('judges 应到 by the recorded number when the branch count is not known (legacy)', () => {
    expect(dev08Vote({ expected: 9, present: 5, yes: 5, no: 0, abstain: 0 }, null)).toEqual([]);
    expect(dev08Vote({ expected: 9, present: 4, yes: 4, no: 0, abstain: 0 }, null).map((i) => i.field)).toEqual([
      'data.vote.present',
      'data.vote.yes',
    ]);
  });
  it('probation is a year from the vote plus the extension; 29 February ends on 28 February', () => {
    expect(probationEndOn('2022-04-20', [])).toBe('2023-04-20');
    expect(probationEndOn('2022-04-20', [6])).toBe('2023-10-20');
    expect(probationEndOn('2024-02-29', [])).toBe('2025-02-28');
  });
  it('orders same-day steps in the statutory order', () => {
    const same = orderEvents([
      { step: 'candidate', on: '2021-01-01' },
      { step: 'activist', on: '2021-01-01' },
      { step: 'application', on: '2020-01-01' },
    ] as const);
    expect(same.map((e) => e.step)).toEqual(['application', 'activist', 'candidate']);
  });
});
