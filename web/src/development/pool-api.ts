/** Types and queries of the activist pool analyses (DEV-11) and the secretaries' contacts (DEV-14). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';

/** Open cases per stage and category on a day, and the young teachers among activists and candidates. */
export type PoolCounts = {
  on: string;
  byStage: Record<string, { student: number; staff: number }>;
  youngTeachers: number;
};

export type PoolAnalysis = {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  heldOn: string;
  summary: string;
  counts: PoolCounts;
  recordedByName: string;
  version: number;
};

export const useAnalyses = (orgId: string | undefined, year: number) =>
  useQuery({
    queryKey: ['development', 'pool-analyses', orgId, year],
    queryFn: () => api.get<{ items: PoolAnalysis[] }>('/dev-pool-analyses', { orgId, year }),
    enabled: Boolean(orgId),
    placeholderData: keepPreviousData,
  });

/** The counts an analysis held on `on` would keep (the server takes them itself when it records). */
export const usePoolCounts = (orgId: string | undefined, on: string | undefined) =>
  useQuery({
    queryKey: ['development', 'pool-counts', orgId, on],
    queryFn: () => api.get<PoolCounts>('/dev-pool-analyses/counts', { orgId, on }),
    enabled: Boolean(orgId && on),
  });

export const recordAnalysis = (body: { orgId: string; year: number; heldOn: string; summary: string }) =>
  api.post<PoolAnalysis>('/dev-pool-analyses', body);
export const updateAnalysis = (id: string, body: { version: number; heldOn?: string; summary?: string }) =>
  api.put<PoolAnalysis>(`/dev-pool-analyses/${id}`, body);

export type DevContact = {
  id: string;
  caseId: string;
  personId: string;
  personCode: string;
  personName: string;
  stage: string;
  branchId: string;
  branchName: string;
  secretaryId: string;
  secretaryName: string;
  fromOn: string;
  toOn: string | null;
  note: string | null;
  version: number;
};

export const useContacts = (collegeId: string | undefined, current: boolean) =>
  useQuery({
    queryKey: ['development', 'contacts', collegeId, current],
    queryFn: () =>
      api.get<{ items: DevContact[] }>('/dev-contacts', { orgId: collegeId, current: current ? '1' : undefined }),
    enabled: Boolean(collegeId),
    placeholderData: keepPreviousData,
  });

export const createContact = (body: { caseId: string; secretaryId: string; fromOn: string; note?: string | null }) =>
  api.post<DevContact>('/dev-contacts', body);
/** Ends a contact on `toOn` (null reopens it). */
export const updateContact = (id: string, body: { version: number; toOn?: string | null; note?: string | null }) =>
  api.put<DevContact>(`/dev-contacts/${id}`, body);
