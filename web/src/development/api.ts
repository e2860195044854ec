/** Types and queries of the member-development API (发展党员, `/development`). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { DevStage, DevStep } from './names.ts';

export type DevVote = { expected: number; present: number; yes: number; no: number; abstain: number };
export type DevDocument = { name: string; note?: string | null };

export type DevEventData = {
  by?: string[];
  mentors?: string[];
  sponsors?: string[];
  hours?: number;
  result?: string;
  until?: string;
  vote?: DevVote;
  months?: number;
};

export type DevEventItem = {
  id: string;
  step: DevStep;
  on: string;
  data: DevEventData;
  documents: DevDocument[];
  note: string | null;
  recordedByName: string;
  version: number;
};

export type Ref = { id: string; code: string; name: string };

/** What is owed next on a case (a talk within a month, the next report, the end of probation…). */
export type DevDue = {
  kind: 'talk' | 'thoughtReport' | 'assessment' | 'probationEnd';
  rule: string;
  due: string;
  state: 'upcoming' | 'warning' | 'overdue';
  label: { zh: string; en: string };
};

export type DevCaseItem = {
  id: string;
  person: Ref & { personCategory: string };
  org: Ref;
  stage: DevStage;
  appliedOn: string | null;
  lastStep: { step: DevStep; on: string } | null;
  /** Open DEV findings about the person: the case is stuck or late. */
  openFindings: number;
  version: number;
};

export type DevFinding = { id: string; rule: string; severity: string; period: string | null; message: string };

export type DevCase = DevCaseItem & {
  person: Ref & { personCategory: string; gender: string | null; birthDate: string | null; unit: string | null };
  note: string | null;
  events: DevEventItem[];
  /** Everyone the events name (who talked, mentors, sponsors). */
  people: Ref[];
  nextDue: DevDue[];
  findings: DevFinding[];
  may: { record: boolean; approve: boolean };
};

export type CaseFilters = { orgId?: string; stage?: string; q?: string; page?: number; pageSize?: number };

export type StageCounts = Record<DevStage, number>;
export type PipelineBranch = {
  org: Ref;
  parent: Ref | null;
  counts: StageCounts;
  total: number;
  withFindings: number;
};
export type Pipeline = { branches: PipelineBranch[]; totals: StageCounts };

export const useCases = (filters: CaseFilters, enabled = true) =>
  useQuery({
    queryKey: ['development', 'cases', filters],
    queryFn: () => api.get<{ items: DevCaseItem[]; total: number }>('/development/cases', filters),
    enabled,
    placeholderData: keepPreviousData,
  });

export const useCase = (id: string | undefined) =>
  useQuery({
    queryKey: ['development', 'case', id],
    queryFn: () => api.get<DevCase>(`/development/cases/${id}`),
    enabled: Boolean(id),
  });

export const usePipeline = (orgId: string | undefined) =>
  useQuery({
    queryKey: ['development', 'pipeline', orgId],
    queryFn: () => api.get<Pipeline>('/development/pipeline', { orgId }),
    enabled: Boolean(orgId),
    placeholderData: keepPreviousData,
  });

/** A recorded step (POST …/events); the server keeps the events in date order. */
export type StepBody = {
  step: DevStep;
  on: string;
  data: DevEventData;
  documents: DevDocument[];
  note?: string | null;
};
/** A correction keeps the step and names the version of the event it corrects. */
export type CorrectionBody = Omit<StepBody, 'step'> & { version: number };

export type NewPerson = {
  code: string;
  name: string;
  personCategory: string;
  gender?: string | null;
  birthDate?: string | null;
};
/** Either `personId` (someone on record) or `person` (a new person). */
export type NewCaseBody = {
  orgId: string;
  personId?: string;
  person?: NewPerson;
  on: string;
  documents?: DevDocument[];
  note?: string | null;
};

export const createCase = (body: NewCaseBody) => api.post<DevCase>('/development/cases', body);
export const recordStep = (caseId: string, body: StepBody) =>
  api.post<DevCase>(`/development/cases/${caseId}/events`, body);
export const correctStep = (eventId: string, body: CorrectionBody) =>
  api.put<DevCase>(`/development/events/${eventId}`, body);
export const deleteStep = (eventId: string, version: number) =>
  api.del<DevCase>(`/development/events/${eventId}?version=${version}`);

/** A row of the roster of activists and candidates (names of mentors and sponsors as text). */
export type RosterEntry = {
  caseId: string;
  personCode: string;
  personName: string;
  gender: string | null;
  birthDate: string | null;
  personCategory: string;
  branchCode: string;
  branchName: string;
  stage: string;
  stageName: string;
  appliedOn: string | null;
  activistOn: string | null;
  candidateOn: string | null;
  mentors: string[];
  sponsors: string[];
  next: { kind: string; rule: string; due: string; state: string; label: { zh: string; en: string } } | null;
};

export const useRoster = (orgId: string | undefined) =>
  useQuery({
    queryKey: ['development', 'roster', orgId],
    queryFn: () => api.get<{ orgName: string; items: RosterEntry[] }>('/development/roster', { orgId }),
    enabled: Boolean(orgId),
    placeholderData: keepPreviousData,
  });

/** One thing an open case owes (GET /development/due): overdue and near items, and those due within `within` days. */
export type DueEntry = { case: { id: string; stage: DevStage; person: Ref; org: Ref }; due: DevDue };

export const useDue = (orgId: string | undefined, within = 30) =>
  useQuery({
    queryKey: ['development', 'due', orgId, within],
    queryFn: () => api.get<{ items: DueEntry[] }>('/development/due', { orgId, within }),
    enabled: Boolean(orgId),
    placeholderData: keepPreviousData,
  });

/** What a case waits for from the superior committee (`decision`: probation is over, confirm, extend or cancel). */
export type QueueWaiting = 'preReview' | 'approval' | 'confirmationApproval' | 'probationDecision';
/** A case of the approval queue (GET /development/queue), oldest first. */
export type QueueEntry = {
  case: { id: string; stage: DevStage; version: number; person: Ref; org: Ref };
  waiting: QueueWaiting;
  /** The day of the step it waits after (an approval: the admission vote; probation: its end). */
  since: string;
  lastStep: { step: DevStep; on: string };
};

export const useQueue = (orgId: string | undefined) =>
  useQuery({
    queryKey: ['development', 'queue', orgId],
    queryFn: () => api.get<{ items: QueueEntry[] }>('/development/queue', { orgId }),
    enabled: Boolean(orgId),
    placeholderData: keepPreviousData,
  });
