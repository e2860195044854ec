/** Types and queries of the acceptance API (达标验收). */
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';

export type Bilingual = { zh: string; en: string };
export const stages = ['pending', 'selfChecked', 'firstChecked', 'certified', 'returned'] as const;
export type Stage = (typeof stages)[number];
export type StepKind = 'selfCheck' | 'firstCheck' | 'recheck' | 'return';
export type StageCounts = Record<Stage, number>;

export const stageColor: Record<Stage, string> = {
  pending: 'default',
  selfChecked: 'blue',
  firstChecked: 'purple',
  certified: 'green',
  returned: 'orange',
};

export type Campaign = {
  id: string;
  tenantId: string;
  year: number;
  title: string;
  standardSets: string[];
  opensOn: string;
  closesOn: string;
  status: 'open' | 'closed';
  manualIndicators: { code: string; title: string }[];
  version: number;
  counts: StageCounts;
};

export type Indicator = { code: string; kind: 'rule' | 'manual'; title: Bilingual; source: string | null };

export type Step = {
  seq: number;
  step: StepKind;
  on: string;
  actorRole: string;
  actorName: string;
  outcome: string;
  reason: string | null;
};

export type ReviewRow = {
  id: string;
  campaignId: string;
  campaignTitle: string;
  orgId: string;
  orgCode: string;
  orgName: string;
  collegeId: string | null;
  collegeName: string | null;
  stage: Stage;
  version: number;
  lastStep: Step | null;
};

export type CampaignDetail = Campaign & { indicators: Indicator[]; reviews: ReviewRow[] };

export type EvidenceFinding = {
  id: string | null;
  rule: string;
  severity: string;
  period: string | null;
  message: Bilingual;
};

export type Entry = {
  indicator: string;
  kind: 'rule' | 'manual';
  title: Bilingual;
  findings: EvidenceFinding[];
  note: string | null;
};

export type ReviewDetail = {
  id: string;
  campaign: { id: string; year: number; title: string; opensOn: string; closesOn: string; status: 'open' | 'closed' };
  org: { id: string; code: string; name: string };
  stage: Stage;
  statement: string | null;
  entries: Entry[];
  attachments: { name: string; note: string | null; indicator: string | null }[];
  steps: Step[];
  version: number;
  actions: StepKind[];
};

export type ProgressRow = { collegeId: string | null; collegeName: string; total: number; counts: StageCounts };
export type CertificateRow = {
  reviewId: string;
  orgCode: string;
  orgName: string;
  collegeName: string | null;
  certifiedOn: string;
  certifiedBy: string;
};

export const useCampaigns = () =>
  useQuery({
    queryKey: ['acceptance', 'campaigns'],
    queryFn: () => api.get<{ items: Campaign[] }>('/acceptance/campaigns'),
  });

export const useCampaign = (id: string | undefined) =>
  useQuery({
    queryKey: ['acceptance', 'campaign', id],
    queryFn: () => api.get<CampaignDetail>(`/acceptance/campaigns/${id}`),
    enabled: !!id,
  });

export const useProgress = (id: string | undefined) =>
  useQuery({
    queryKey: ['acceptance', 'progress', id],
    queryFn: () => api.get<{ items: ProgressRow[] }>(`/acceptance/campaigns/${id}/progress`),
    enabled: !!id,
  });

export const useCertificates = (id: string | undefined) =>
  useQuery({
    queryKey: ['acceptance', 'certificates', id],
    queryFn: () => api.get<{ items: CertificateRow[] }>(`/acceptance/campaigns/${id}/certificates`),
    enabled: !!id,
  });

export const useReview = (id: string | undefined) =>
  useQuery({
    queryKey: ['acceptance', 'review', id],
    queryFn: () => api.get<ReviewDetail>(`/acceptance/reviews/${id}`),
    enabled: !!id,
  });

export const useQueue = () =>
  useQuery({
    queryKey: ['acceptance', 'queue'],
    queryFn: () => api.get<{ items: ReviewRow[] }>('/acceptance/queue'),
  });
