/** Types and queries of the annual development plans (年度发展计划, `/dev-plans`). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';

export const devCategories = ['student', 'staff'] as const;
export type DevCategory = (typeof devCategories)[number];

export type PlanLine = { orgId: string; orgCode: string; orgName: string; category: DevCategory; quota: number };
export type PlanView = {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  note: string | null;
  version: number;
  lines: PlanLine[];
};
export type ProgressLine = PlanLine & { admitted: number; remaining: number; byMonth: number[] };
export type PlanProgress = {
  planId: string;
  orgId: string;
  orgName: string;
  year: number;
  lines: ProgressLine[];
  totals: { quota: number; admitted: number; byMonth: number[]; largestMonthShare: number | null };
};
/** A college-level organization's plan for the year (none yet: nulls) and its admissions so far. */
export type PlanOverviewRow = {
  orgId: string;
  orgCode: string;
  orgName: string;
  year: number;
  planId: string | null;
  planVersion: number | null;
  quota: number | null;
  admitted: number;
};

export type PlanLineInput = { orgId: string; category: DevCategory; quota: number };

export const usePlanOverview = (orgId: string | undefined, year: number) =>
  useQuery({
    queryKey: ['development', 'plans', orgId, year],
    queryFn: () => api.get<{ year: number; items: PlanOverviewRow[] }>('/dev-plans', { orgId, year }),
    enabled: Boolean(orgId),
    placeholderData: keepPreviousData,
  });

export const usePlanProgress = (planId: string | null | undefined) =>
  useQuery({
    queryKey: ['development', 'plan-progress', planId],
    queryFn: () => api.get<PlanProgress>(`/dev-plans/${planId}/progress`),
    enabled: Boolean(planId),
  });

export const loadPlan = (planId: string) => api.get<PlanView>(`/dev-plans/${planId}`);
export const createPlan = (body: { orgId: string; year: number; note?: string | null; lines: PlanLineInput[] }) =>
  api.post<PlanView>('/dev-plans', body);
export const updatePlan = (planId: string, body: { version: number; note?: string | null; lines: PlanLineInput[] }) =>
  api.put<PlanView>(`/dev-plans/${planId}`, body);
