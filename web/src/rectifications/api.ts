/** Types and queries of the improvement API: rectification items, surveys, reorganizations. */
import { useQuery } from '@tanstack/react-query';
import { api, type Query } from '../api/client.ts';

export const rectificationStatuses = ['open', 'done', 'verified'] as const;
export const rectificationSources = [
  'finding',
  'acceptance',
  'rating',
  'review',
  'survey',
  'lifeMeeting',
  'manual',
] as const;
export const sixChecks = ['setup', 'leadership', 'institutions', 'role', 'development', 'resources'] as const;
export const reorganizationReasons = [
  'noCommittee',
  'noLife',
  'lagging',
  'surveyWeak',
  'weakLeadership',
  'other',
] as const;

type OrgRef = { id: string; code: string; name: string };

export type Rectification = {
  id: string;
  org: OrgRef;
  source: (typeof rectificationSources)[number];
  sourceId: string | null;
  year: number;
  problem: string;
  ownerId: string | null;
  ownerName: string;
  measures: string;
  deadline: string;
  status: (typeof rectificationStatuses)[number];
  overdue: boolean;
  evidence: string | null;
  doneOn: string | null;
  verifiedOn: string | null;
  verifiedByName: string | null;
  verificationNote: string | null;
  mayEdit: boolean;
  mayVerify: boolean;
  version: number;
};
export type RectificationDetail = Rectification & {
  history: { at: string; actorName: string; action: string; status: string | null; note: string | null }[];
};

export type ChecklistEntry = { check: (typeof sixChecks)[number]; result: 'good' | 'problem'; note: string };
export type Survey = {
  id: string;
  org: OrgRef;
  year: number;
  surveyedOn: string;
  checklist: ChecklistEntry[];
  conclusion: string;
  weak: boolean;
  recordedByName: string;
  rectifications: number;
  mayEdit: boolean;
  version: number;
};

export type Reorganization = {
  id: string;
  org: OrgRef;
  reasons: (typeof reorganizationReasons)[number][];
  startedOn: string;
  endsOn: string;
  plan: string;
  status: 'open' | 'closed';
  closedOn: string | null;
  outcome: string | null;
  overdue: boolean;
  mayEdit: boolean;
  version: number;
};

export const useRectifications = (filters: Query) =>
  useQuery({
    queryKey: ['rectifications', 'list', filters],
    queryFn: () => api.get<{ items: Rectification[] }>('/rectifications', filters),
  });

export const useRectification = (id: string | undefined) =>
  useQuery({
    queryKey: ['rectifications', 'item', id],
    queryFn: () => api.get<RectificationDetail>(`/rectifications/${id}`),
    enabled: Boolean(id),
  });

export const useSurveys = (filters: Query) =>
  useQuery({
    queryKey: ['surveys', 'list', filters],
    queryFn: () => api.get<{ items: Survey[] }>('/surveys', filters),
  });

export const useReorganizations = (filters: Query) =>
  useQuery({
    queryKey: ['reorganizations', 'list', filters],
    queryFn: () => api.get<{ items: Reorganization[] }>('/reorganizations', filters),
  });
