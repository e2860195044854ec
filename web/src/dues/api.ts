/** Types and queries of the dues API (党费). */
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';

export type DuesCategory = 'staff' | 'retired' | 'student' | 'relief';
export const duesCategories: DuesCategory[] = ['staff', 'retired', 'student', 'relief'];
export const paymentMethods = ['transfer', 'cash', 'online', 'payroll'] as const;

export type Totals = {
  due: number;
  paid: number;
  rate: number | null;
  members: number;
  settledMembers: number;
  withoutBase: number;
};

export type SheetRow = {
  personId: string;
  personCode: string;
  personName: string;
  orgId: string;
  orgName: string;
  category: DuesCategory | null;
  base: number | null;
  basisPoints: number | null;
  due: number | null;
  paid: number;
  payment: { id: string; amount: number; paidOn: string; method: string; version: number } | null;
  reason: string | null;
  arrearsMonths: number;
  arrearsAmount: number;
  consecutiveUnpaid: number;
};

export type Sheet = { month: string; orgId: string; orgName: string; totals: Totals; rows: SheetRow[] };

export type StatsRow = Totals & {
  orgId: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  returned: number;
};

export const useSheet = (orgId: string | undefined, month: string) =>
  useQuery({
    queryKey: ['dues', 'sheet', orgId, month],
    queryFn: () => api.get<Sheet>('/dues/sheet', { orgId, month }),
    enabled: !!orgId,
  });

export const useStats = (orgId: string | undefined, from: string, to: string) =>
  useQuery({
    queryKey: ['dues', 'stats', orgId, from, to],
    queryFn: () => api.get<{ rows: StatsRow[] }>('/dues/stats', { orgId, from, to }),
    enabled: !!orgId && from <= to,
  });

/** Fen as 元 with two decimals. */
export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? '' : (fen / 100).toFixed(2);
/** 元 typed by a person → fen, exact (no floating-point drift). */
export const toFen = (yuanValue: number) => Math.round(yuanValue * 100);
export const rateText = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** `YYYY-MM` of today in Shanghai and the months before it, newest first. */
export function recentMonths(today: string, count: number): string[] {
  const out: string[] = [];
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  for (let i = 0; i < count; i++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}
