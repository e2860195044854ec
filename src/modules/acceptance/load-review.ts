/**
 * One branch's review as its page shows it. Before a self-check (and after a return) the entries
 * are pre-filled with the engine's open findings now, keeping notes already written; once
 * submitted they are what the secretary submitted.
 */

import type { Tx } from '../../db/connect.ts';
import {
  type AcceptanceStage,
  type AcceptanceStepKind,
  acceptanceStepKinds,
  roleFor,
  stageAfter,
} from '../../domain/rules/acceptance-facts.ts';
import type { Actor } from '../../server/scope.ts';
import { holdsRoleOver } from './acting-role.ts';
import { campaignIndicators } from './indicators.ts';
import type { ReviewRowFull } from './load-review-row.ts';
import { loadReviewRow } from './load-review-row.ts';
import { openFindingsByRule } from './review-evidence.ts';
import type { Attachment, Entry, ManualIndicator, ReviewDetail } from './schema.ts';

export const isOpenForSelfCheck = (stage: string) => stage === 'pending' || stage === 'returned';

/** Entries for every indicator with the open findings now, keeping the notes of `previous`. */
export async function prefilledEntries(tx: Tx, row: ReviewRowFull): Promise<Entry[]> {
  const c = row.campaign;
  const indicators = campaignIndicators(c.standardSets as string[], c.manualIndicators as ManualIndicator[]);
  const findings = await openFindingsByRule(
    tx,
    row.org,
    c.year,
    indicators.filter((i) => i.kind === 'rule').map((i) => i.code),
  );
  const notes = new Map((row.review.entries as Entry[]).map((e) => [e.indicator, e.note]));
  return indicators.map((i) => ({
    indicator: i.code,
    kind: i.kind,
    title: i.title,
    findings: findings.get(i.code) ?? [],
    note: notes.get(i.code) ?? null,
  }));
}

/** The steps an actor may take now: next in order, by a role the actor holds over the branch, while the campaign is open. */
export function actionsFor(actor: Actor, row: ReviewRowFull): AcceptanceStepKind[] {
  const stage = row.review.stage as AcceptanceStage;
  if (row.campaign.status !== 'open') return [];
  return acceptanceStepKinds.filter(
    (s) => stageAfter(stage, s) !== null && holdsRoleOver(actor, roleFor(s, stage, row.direct), row.org),
  );
}

export async function loadReview(tx: Tx, actor: Actor, id: string): Promise<ReviewDetail> {
  const row = await loadReviewRow(tx, actor, id);
  const { review, campaign: c, org } = row;
  return {
    id: review.id,
    campaign: {
      id: c.id,
      year: c.year,
      title: c.title,
      opensOn: c.opensOn,
      closesOn: c.closesOn,
      status: c.status as 'open',
    },
    org: { id: org.id, code: org.code, name: org.name },
    stage: review.stage as AcceptanceStage,
    statement: review.statement,
    entries: isOpenForSelfCheck(review.stage) ? await prefilledEntries(tx, row) : (review.entries as Entry[]),
    attachments: (review.attachments as Attachment[]).map((a) => ({
      name: a.name,
      note: a.note ?? null,
      indicator: a.indicator ?? null,
    })),
    steps: row.steps,
    version: review.version,
    actions: actionsFor(actor, row),
  };
}
