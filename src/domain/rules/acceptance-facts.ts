/**
 * Acceptance (达标验收, ASSESS-06): the steps of a branch's review and the order they must come in,
 * shared by the module (which refuses a step out of order) and the rule (which finds one in
 * imported records). Facts computed by `src/db/facts/acceptance.ts`.
 */
import type { Bilingual } from '../compliance/types.ts';

export const acceptanceStages = ['pending', 'selfChecked', 'firstChecked', 'certified', 'returned'] as const;
export type AcceptanceStage = (typeof acceptanceStages)[number];
export const acceptanceStepKinds = ['selfCheck', 'firstCheck', 'recheck', 'return'] as const;
export type AcceptanceStepKind = (typeof acceptanceStepKinds)[number];
export const acceptanceRoles = ['branchSecretary', 'collegeAdmin', 'orgDepartmentAdmin'] as const;
export type AcceptanceRole = (typeof acceptanceRoles)[number];
export const acceptanceOutcomes = ['submitted', 'passed', 'certified', 'returned'] as const;
export type AcceptanceOutcome = (typeof acceptanceOutcomes)[number];

export type AcceptanceStep = {
  seq: number;
  step: AcceptanceStepKind;
  on: string;
  actorRole: string;
  actorName: string;
  outcome: string;
  reason: string | null;
};

export const stageLabels: Record<AcceptanceStage, Bilingual> = {
  pending: { zh: '待自查', en: 'awaiting self-check' },
  selfChecked: { zh: '已自查待初验', en: 'self-checked, awaiting first check' },
  firstChecked: { zh: '已初验待复验', en: 'first-checked, awaiting re-check' },
  certified: { zh: '已认定达标', en: 'certified' },
  returned: { zh: '已退回待重新自查', en: 'returned, awaiting a new self-check' },
};

export const stepLabels: Record<AcceptanceStepKind, Bilingual> = {
  selfCheck: { zh: '支部自查', en: 'self-check' },
  firstCheck: { zh: '院系初验', en: 'first check' },
  recheck: { zh: '学校复验', en: 're-check' },
  return: { zh: '退回', en: 'return' },
};

export const roleLabels: Record<string, Bilingual> = {
  branchSecretary: { zh: '支部书记', en: 'the branch secretary' },
  collegeAdmin: { zh: '院系党组织', en: 'the college' },
  orgDepartmentAdmin: { zh: '学校组织部', en: 'the organization department' },
};
export const roleLabel = (role: string): Bilingual => roleLabels[role] ?? { zh: role, en: role };

/** The stage after a step, when the step may follow `stage` at all (else null). */
export function stageAfter(stage: AcceptanceStage, step: AcceptanceStepKind): AcceptanceStage | null {
  if (step === 'selfCheck') return stage === 'pending' || stage === 'returned' ? 'selfChecked' : null;
  if (step === 'firstCheck') return stage === 'selfChecked' ? 'firstChecked' : null;
  if (step === 'recheck') return stage === 'firstChecked' ? 'certified' : null;
  return stage === 'selfChecked' || stage === 'firstChecked' ? 'returned' : null;
}

/**
 * Who takes a step at a stage: a return is the college's after a self-check, the university's
 * after a first check. A branch directly under the university (`direct`, 直属党支部) has no
 * college: the organization department takes its first check too.
 */
export function roleFor(step: AcceptanceStepKind, stage: AcceptanceStage, direct = false): AcceptanceRole {
  if (step === 'selfCheck') return 'branchSecretary';
  if (step === 'recheck') return 'orgDepartmentAdmin';
  const college: AcceptanceRole = direct ? 'orgDepartmentAdmin' : 'collegeAdmin';
  if (step === 'firstCheck') return college;
  return stage === 'firstChecked' ? 'orgDepartmentAdmin' : college;
}

/** The steps that may come next at a stage, in words ("院系初验或退回"). */
export function expectedSteps(stage: AcceptanceStage): Bilingual {
  const steps = acceptanceStepKinds.filter((s) => stageAfter(stage, s) !== null);
  if (steps.length === 0) return { zh: '无（验收已完成）', en: 'none (acceptance is complete)' };
  return {
    zh: steps.map((s) => stepLabels[s].zh).join('或'),
    en: steps.map((s) => stepLabels[s].en).join(' or '),
  };
}

export const outcomeOf = (step: AcceptanceStepKind): AcceptanceOutcome =>
  ({ selfCheck: 'submitted', firstCheck: 'passed', recheck: 'certified', return: 'returned' })[
    step
  ] as AcceptanceOutcome;

export type StepProblem =
  | { kind: 'order'; step: AcceptanceStep; stage: AcceptanceStage }
  | { kind: 'date'; step: AcceptanceStep; previousOn: string }
  | { kind: 'role'; step: AcceptanceStep; expected: AcceptanceRole };

/**
 * Replays a review's steps in `seq` order: the stage they lead to and each step that came out of
 * order, before the previous one's date, or from the wrong role. A step out of order still moves
 * the stage, so the steps after it are judged against what the record says happened.
 */
export function replaySteps(
  steps: AcceptanceStep[],
  direct = false,
): { stage: AcceptanceStage; problems: StepProblem[] } {
  let stage: AcceptanceStage = 'pending';
  const problems: StepProblem[] = [];
  let previousOn: string | null = null;
  for (const step of [...steps].sort((a, b) => a.seq - b.seq)) {
    const next = stageAfter(stage, step.step);
    if (next === null) problems.push({ kind: 'order', step, stage });
    else if (step.actorRole !== roleFor(step.step, stage, direct))
      problems.push({ kind: 'role', step, expected: roleFor(step.step, stage, direct) });
    if (previousOn !== null && step.on < previousOn) problems.push({ kind: 'date', step, previousOn });
    previousOn = step.on;
    stage = next ?? fallbackStage(step.step);
  }
  return { stage, problems };
}

/** Where an out-of-order step leaves a review: as if it had been taken at its proper stage. */
const fallbackStage = (step: AcceptanceStepKind): AcceptanceStage =>
  ({ selfCheck: 'selfChecked', firstCheck: 'firstChecked', recheck: 'certified', return: 'returned' })[
    step
  ] as AcceptanceStage;

/** A campaign with every branch it covers (a branch with no review row yet has `reviewId` null). */
export type AcceptanceCampaignFact = {
  id: string;
  tenantId: string;
  year: number;
  title: string;
  opensOn: string;
  closesOn: string;
  status: 'open' | 'closed';
  /** `direct`: no college above the branch (see `roleFor`). */
  branches: { orgId: string; reviewId: string | null; direct: boolean; steps: AcceptanceStep[] }[];
};

export type AcceptanceFacts = { campaigns: AcceptanceCampaignFact[] };
