import { describe, expect, it } from 'vitest';
import { stageOf } from './stage.ts';

describe('stageOf', () => {
  it('follows the last stage-changing step in date order', () => {
    expect(
      stageOf([
        { step: 'activist', on: '2020-11-10' },
        { step: 'application', on: '2020-09-20' },
        { step: 'thoughtReport', on: '2021-01-05' },
      ]),
    ).toBe('activist');
  });
  it('is null before an application and closed after a side exit', () => {
    expect(stageOf([])).toBeNull();
    expect(
      stageOf([
        { step: 'application', on: '2020-09-20' },
        { step: 'withdrawn', on: '2021-03-01' },
      ]),
    ).toBe('withdrawn');
  });
  it('keeps a probationary member probationary after an extension and full after confirmation', () => {
    const base = [
      { step: 'application', on: '2020-09-20' },
      { step: 'activist', on: '2020-11-10' },
      { step: 'candidate', on: '2021-11-15' },
      { step: 'approval', on: '2022-06-10' },
    ] as const;
    expect(stageOf([...base, { step: 'probationExtension', on: '2023-04-25' }])).toBe('probationary');
    expect(stageOf([...base, { step: 'confirmationApproval', on: '2023-05-20' }])).toBe('full');
  });
});
