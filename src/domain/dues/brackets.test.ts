import { describe, expect, it } from 'vitest';
import { type DuesCategory, type DuesSchedule, duesSchedules, monthlyDues, scheduleFor, yuan } from './brackets.ts';

const dues = (category: DuesCategory, yuanText: string, month = '2024-05') => {
  const [whole, cents = '0'] = yuanText.split('.');
  const base = Number(whole) * 100 + Number(cents.padEnd(2, '0'));
  return monthlyDues({ category, base, month });
};

describe('national brackets, to the fen', () => {
  it.each([
    // staff: the bound itself belongs to the lower bracket (“3000元以下（含3000元）”)
    ['staff', '0.00', 0, 50],
    ['staff', '2999.99', 1500, 50], // 14.99995 元 rounds half up to 15.00
    ['staff', '3000.00', 1500, 50],
    ['staff', '3000.01', 3000, 100],
    ['staff', '4999.99', 5000, 100],
    ['staff', '5000.00', 5000, 100],
    ['staff', '5000.01', 7500, 150],
    ['staff', '6543.21', 9815, 150], // 98.14815 元 → 98.15
    ['staff', '10000.00', 15000, 150],
    ['staff', '10000.01', 20000, 200],
    ['staff', '12345.67', 24691, 200], // 246.9134 元 → 246.91
    ['retired', '5000.00', 2500, 50],
    ['retired', '5000.01', 5000, 100],
    ['retired', '3999.99', 2000, 50],
    ['student', '0.00', 20, null],
    ['student', '8000.00', 20, null], // a student's income does not matter
    ['relief', '1200.00', 20, null],
  ] as const)('%s with %s 元 pays %i fen at %s bp', (category, base, amount, basisPoints) => {
    expect(dues(category, base)).toEqual({ amount, basisPoints, effectiveFrom: '2008-04' });
  });

  it('rounds an exact half fen up', () => {
    // 1.00 元 × 0.5 % = 0.005 元
    expect(dues('staff', '1.00')?.amount).toBe(1);
    // 0.99 元 × 0.5 % = 0.00495 元
    expect(dues('staff', '0.99')?.amount).toBe(0);
  });

  it('has no amount before the 2008 schedule took effect', () => {
    expect(dues('staff', '3000.00', '2008-03')).toBeNull();
    expect(dues('staff', '3000.00', '2008-04')?.amount).toBe(1500);
  });

  it('picks the schedule in force in the month, so a later regulation is data', () => {
    const later: DuesSchedule = { ...duesSchedules[0], effectiveFrom: '2030-01', fixed: { student: 50, relief: 30 } };
    const schedules = [...duesSchedules, later];
    expect(scheduleFor('2029-12', schedules)?.effectiveFrom).toBe('2008-04');
    expect(monthlyDues({ category: 'student', base: 0, month: '2029-12' }, schedules)?.amount).toBe(20);
    expect(monthlyDues({ category: 'student', base: 0, month: '2030-01' }, schedules)?.amount).toBe(50);
  });

  it('writes fen as 元', () => {
    expect(yuan(24691)).toBe('246.91');
    expect(yuan(20)).toBe('0.20');
    expect(yuan(-5)).toBe('-0.05');
  });
});
