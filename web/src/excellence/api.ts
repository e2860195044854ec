/** Types of the excellence API: model units, commendations, practice carriers. */
export const unitKinds = ['modelBranch', 'benchmarkCollege', 'dualLeaderStudio'] as const;
export const unitLevels = ['school', 'province', 'national'] as const;
export const unitStatuses = ['applied', 'cultivating', 'accepted', 'rejected', 'revoked'] as const;
export const awardKinds = ['outstandingMember', 'outstandingWorker', 'advancedOrg'] as const;
export const awardStatuses = ['nominated', 'reviewed', 'publicized', 'decided', 'rejected'] as const;
export const carrierKinds = ['rule', 'carrier'] as const;

export type ModelUnit = {
  id: string;
  kind: (typeof unitKinds)[number];
  orgId: string;
  orgName: string;
  collegeName: string | null;
  leaderName: string | null;
  level: (typeof unitLevels)[number];
  planYear: number;
  appliedOn: string;
  status: (typeof unitStatuses)[number];
  cultivationFrom: string | null;
  midtermOn: string | null;
  midtermResult: 'passed' | 'failed' | null;
  acceptedOn: string | null;
  decidedOn: string | null;
  note: string | null;
  version: number;
};

export type Quota = {
  year: number;
  countedOn: string;
  branches: number;
  modelBranches: number;
  share: number | null;
  required: number;
  met: boolean;
  adopted: boolean;
};

export type Award = {
  id: string;
  roundYear: number;
  kind: (typeof awardKinds)[number];
  personName: string | null;
  orgName: string | null;
  nominatingOrgName: string;
  nominatedOn: string;
  reason: string;
  status: (typeof awardStatuses)[number];
  reviewedOn: string | null;
  reviewNote: string | null;
  publicityFrom: string | null;
  publicityUntil: string | null;
  decidedOn: string | null;
  decisionDocument: string | null;
  version: number;
};

export type Rounds = {
  everyYears: number;
  publicityWorkdays: number;
  lastRoundYear: number | null;
  nextDueYear: number;
  rounds: {
    roundYear: number;
    nominated: number;
    reviewed: number;
    publicized: number;
    decided: number;
    rejected: number;
  }[];
};

export type Carrier = {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  kind: (typeof carrierKinds)[number];
  title: string;
  description: string;
  establishedOn: string;
  version: number;
};

export type CoverageRow = {
  orgId: string;
  orgName: string;
  orgKind: string;
  carriers: number;
  required: number;
  met: boolean;
};

/** A share as people write it: 0.1 → 1/10. */
export function formatShare(share: number): string {
  const inverse = 1 / share;
  return Math.abs(inverse - Math.round(inverse)) < 1e-9
    ? `1/${Math.round(inverse)}`
    : `${Math.round(share * 1000) / 10}%`;
}
