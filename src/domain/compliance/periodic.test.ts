import { describe, expect, it } from 'vitest';
import { periodsOverlapping } from '../periods.ts';
import { checkCount } from './periodic.ts';

const what = { zh: '支部党员大会', en: 'general assembly' };
const quarter = (asOf: string) =>
  periodsOverlapping('quarter', { from: '2021-07-01', to: '2021-09-30', asOf }).find((p) => p.key === '2021-Q3')!;

describe('checkCount', () => {
  it('reports a closed period below the minimum as a breach with the numbers', () => {
    const f = checkCount({ period: quarter('2021-10-05'), asOf: '2021-10-05', orgId: 'b', count: 0, min: 1, what });
    expect(f).toMatchObject({ severity: 'breach', period: '2021-Q3', numbers: { count: 0, required: 1 } });
    expect(f?.message.zh).toBe('2021年第3季度未召开支部党员大会（要求每季度至少1次）');
    expect(f?.message.en).toBe('no general assembly in Q3 2021 (required: at least 1 a quarter)');
  });

  it('says how many were held when some were', () => {
    const f = checkCount({ period: quarter('2021-10-05'), asOf: '2021-10-05', orgId: 'b', count: 1, min: 2, what });
    expect(f?.message.zh).toBe('2021年第3季度仅召开支部党员大会1次（要求每季度至少2次）');
  });

  it('passes a period that met the minimum', () => {
    expect(
      checkCount({ period: quarter('2021-10-05'), asOf: '2021-10-05', orgId: 'b', count: 1, min: 1, what }),
    ).toBeNull();
  });

  it('warns in the open period only near its end or when behind pace', () => {
    expect(
      checkCount({ period: quarter('2021-07-20'), asOf: '2021-07-20', orgId: 'b', count: 0, min: 1, what }),
    ).toBeNull();
    const late = checkCount({ period: quarter('2021-09-20'), asOf: '2021-09-20', orgId: 'b', count: 0, min: 1, what });
    expect(late).toMatchObject({ severity: 'warning', numbers: { daysLeft: 11 } });
    expect(late?.message.zh).toBe('2021年第3季度已召开支部党员大会0次，距期末还有11天（要求每季度至少1次）');
    const behind = checkCount({
      period: quarter('2021-08-20'),
      asOf: '2021-08-20',
      orgId: 'b',
      count: 0,
      min: 3,
      what,
    });
    expect(behind?.severity).toBe('warning');
  });
});
