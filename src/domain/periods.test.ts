import { describe, expect, it } from 'vitest';
import {
  addMonths,
  boundsOfKey,
  coversPeriod,
  daysLeft,
  monthsBetween,
  periodKeyOf,
  periodLabel,
  periodsOverlapping,
} from './periods.ts';

describe('periods', () => {
  it('lists closed periods before asOf and the open one containing it, none after', () => {
    const quarters = periodsOverlapping('quarter', { from: '2021-01-01', to: '2022-01-10', asOf: '2022-01-10' });
    expect(quarters.map((q) => `${q.key}:${q.state}`)).toEqual([
      '2021-Q1:closed',
      '2021-Q2:closed',
      '2021-Q3:closed',
      '2021-Q4:closed',
      '2022-Q1:open',
    ]);
    expect(quarters[2]).toMatchObject({ from: '2021-07-01', to: '2021-09-30' });
  });

  it('keeps a period open on its own last day', () => {
    const [march] = periodsOverlapping('month', { from: '2021-03-01', to: '2021-03-31', asOf: '2021-03-31' });
    expect(march.state).toBe('open');
    expect(daysLeft(march, '2021-03-31')).toBe(1);
  });

  it('takes semesters from the calendar', () => {
    const semesters = [
      { code: '2021-2', startsOn: '2021-09-01', endsOn: '2022-01-15' },
      { code: '2021-1', startsOn: '2021-03-01', endsOn: '2021-07-10' },
    ];
    const list = periodsOverlapping(
      'semester',
      { from: '2021-01-01', to: '2022-01-10', asOf: '2022-01-10' },
      semesters,
    );
    expect(list.map((s) => `${s.key}:${s.state}`)).toEqual(['2021-1:closed', '2021-2:open']);
  });

  it('names periods by their keys and back', () => {
    expect(periodKeyOf('2021-09-30', 'quarter')).toBe('2021-Q3');
    expect(periodKeyOf('2021-07-01', 'half')).toBe('2021-H2');
    expect(boundsOfKey('2021-H1')).toEqual({ kind: 'half', from: '2021-01-01', to: '2021-06-30' });
    expect(boundsOfKey('2020-02')).toEqual({ kind: 'month', from: '2020-02-01', to: '2020-02-29' });
    expect(boundsOfKey('2021-2')).toBeNull();
    expect(periodLabel('2021-Q3', 'zh')).toBe('2021年第3季度');
    expect(periodLabel('2021-10', 'zh')).toBe('2021年10月');
    expect(periodLabel('2021-H2', 'zh')).toBe('2021年下半年');
    expect(periodLabel('2021', 'en')).toBe('2021');
  });

  it('counts months and clamps month ends', () => {
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonths('2021-11-15', 3)).toBe('2022-02-15');
    expect(monthsBetween('2021-06-03', '2021-12-02')).toBe(5);
    expect(monthsBetween('2021-06-03', '2021-12-03')).toBe(6);
  });

  it('owes a period only when the interval covers all of it', () => {
    const q3 = { from: '2021-07-01', to: '2021-09-30' };
    expect(coversPeriod({ validFrom: '2015-01-01', validTo: null }, q3)).toBe(true);
    expect(coversPeriod({ validFrom: '2021-08-01', validTo: null }, q3)).toBe(false);
    expect(coversPeriod({ validFrom: '2015-01-01', validTo: '2021-09-30' }, q3)).toBe(false);
    expect(coversPeriod({ validFrom: '2015-01-01', validTo: '2021-10-01' }, q3)).toBe(true);
  });
});
