import { describe, expect, it } from 'vitest';
import { collectionStats } from './collection.ts';
import { arrearsOf, type MemberDuesRecords, memberLedger } from './ledger.ts';
import { monthRange } from './months.ts';

const owed = (from: string, to: string, orgId = 'b1') => monthRange(from, to).map((month) => ({ month, orgId }));
const staffBase = {
  id: 'base1',
  effectiveMonth: '2021-01',
  category: 'staff' as const,
  base: 650_000,
  verifiedOn: null,
};
const pay = (month: string, amount = 9750, paidOn = `${month}-10`) => ({ id: `pay-${month}`, month, amount, paidOn });

const records = (over: Partial<MemberDuesRecords>): MemberDuesRecords => ({
  personId: 'p1',
  owedMonths: owed('2021-01', '2022-04'),
  bases: [staffBase],
  payments: [],
  reasons: [],
  ...over,
});

describe('member ledger and arrears', () => {
  it('counts consecutive unpaid months across a year boundary', () => {
    // Paid through 2021-09; nothing for 2021-10 … 2022-03; asOf in April 2022 (April not yet due).
    const payments = monthRange('2021-01', '2021-09').map((m) => pay(m));
    const ledger = memberLedger(records({ payments }));
    const arrears = arrearsOf(ledger, '2022-04-15');
    expect(arrears.consecutiveUnpaid).toBe(6);
    expect(arrears.unpaidSince).toBe('2021-10');
    expect(arrears.months).toEqual(['2021-10', '2021-11', '2021-12', '2022-01', '2022-02', '2022-03']);
    expect(arrears.amount).toBe(6 * 9750);
  });

  it('a part payment is arrears but not an unpaid month; a reason breaks the run', () => {
    const payments = [...monthRange('2021-01', '2021-12').map((m) => pay(m)), pay('2022-02', 5000)];
    const reasons = [{ id: 'r1', fromMonth: '2022-03', toMonth: null, reason: '出国访学' }];
    const ledger = memberLedger(records({ payments, reasons }));
    const arrears = arrearsOf(ledger, '2022-05-01');
    expect(arrears.months).toEqual(['2022-01', '2022-02', '2022-03', '2022-04']);
    expect(arrears.amount).toBe(9750 + 4750 + 9750 + 9750);
    expect(arrears.consecutiveUnpaid).toBe(0); // April and March are excused
    expect(ledger.find((m) => m.month === '2022-03')?.reason).toBe('出国访学');
  });

  it('uses the base in force each month and marks late payments', () => {
    const raise = {
      id: 'base2',
      effectiveMonth: '2022-01',
      category: 'staff' as const,
      base: 1_200_000,
      verifiedOn: '2022-01-05',
    };
    const ledger = memberLedger(records({ bases: [raise, staffBase], payments: [pay('2021-12', 9750, '2022-01-03')] }));
    expect(ledger.find((m) => m.month === '2021-12')).toMatchObject({
      due: 9750,
      baseId: 'base1',
      late: true,
      outstanding: 0,
    });
    expect(ledger.find((m) => m.month === '2022-01')).toMatchObject({ due: 24000, baseId: 'base2', basisPoints: 200 });
  });

  it('accounting starts with the first base: earlier months are neither arrears nor unpaid', () => {
    const ledger = memberLedger(records({ bases: [{ ...staffBase, effectiveMonth: '2022-03' }] }));
    expect(ledger[0]).toMatchObject({ due: null, outstanding: 0 });
    const arrears = arrearsOf(ledger, '2022-04-02');
    expect(arrears).toMatchObject({ months: ['2022-03'], amount: 9750, consecutiveUnpaid: 1 });
  });

  it('a gap in membership ends the run of unpaid months', () => {
    const ledger = memberLedger(
      records({ owedMonths: [...owed('2021-01', '2021-06'), ...owed('2021-09', '2021-10')] }),
    );
    expect(arrearsOf(ledger, '2021-11-01').consecutiveUnpaid).toBe(2);
  });
});

describe('collection statistics', () => {
  it('rolls members up to their branch, college and university', () => {
    const orgs = [
      { id: 'u', path: '/u/' },
      { id: 'c', path: '/u/c/' },
      { id: 'b1', path: '/u/c/b1/' },
      { id: 'b2', path: '/u/c/b2/' },
    ];
    const a = memberLedger(
      records({ personId: 'a', owedMonths: owed('2022-03', '2022-03', 'b1'), payments: [pay('2022-03')] }),
    );
    const b = memberLedger(records({ personId: 'b', owedMonths: owed('2022-03', '2022-03', 'b2') }));
    const stats = collectionStats(
      orgs,
      [
        { personId: 'a', months: a },
        { personId: 'b', months: b },
      ],
      { from: '2022-03', to: '2022-03' },
    );
    expect(stats.get('b1')).toMatchObject({ due: 9750, paid: 9750, rate: 1, members: 1, settledMembers: 1 });
    expect(stats.get('b2')).toMatchObject({ due: 9750, paid: 0, rate: 0, members: 1, settledMembers: 0 });
    expect(stats.get('u')).toMatchObject({ due: 19500, paid: 9750, rate: 0.5, members: 2, settledMembers: 1 });
  });
});
