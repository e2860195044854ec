/**
 * The branch secretary's self-check (支部自查): a statement, a note per indicator, attachments;
 * the engine's open findings at this moment are kept with each rule indicator as its evidence.
 * A manual indicator needs a note or an attachment, since nothing else speaks for it.
 */
import type { Tx } from '../../db/connect.ts';
import { badInput, type FieldIssue } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { prefilledEntries } from './load-review.ts';
import type { SelfCheckInput } from './schema.ts';
import { takeStep } from './take-step.ts';

export function selfCheck(tx: Tx, options: { id: string; input: SelfCheckInput; actor: Actor; today: string }) {
  const { input } = options;
  return takeStep(tx, {
    id: options.id,
    step: 'selfCheck',
    version: input.version,
    actor: options.actor,
    today: options.today,
    changes: async (row) => {
      const entries = await prefilledEntries(tx, row);
      const codes = new Set(entries.map((e) => e.indicator));
      const issues: FieldIssue[] = [];
      input.entries.forEach((e, i) => {
        if (!codes.has(e.indicator))
          issues.push({ field: `entries.${i}.indicator`, reason: `无此指标 / no indicator ${e.indicator}` });
      });
      input.attachments.forEach((a, i) => {
        if (a.indicator && !codes.has(a.indicator))
          issues.push({ field: `attachments.${i}.indicator`, reason: `无此指标 / no indicator ${a.indicator}` });
      });
      const notes = new Map(input.entries.map((e) => [e.indicator, e.note?.trim() || null]));
      for (const e of entries) {
        if (notes.has(e.indicator)) e.note = notes.get(e.indicator) ?? null;
        if (e.kind === 'manual' && !e.note && !input.attachments.some((a) => a.indicator === e.indicator))
          issues.push({
            field: `entries.${e.indicator}`,
            reason: '人工指标须有说明或附件 / a manual indicator needs a note or an attachment',
          });
      }
      if (issues.length) throw badInput(issues);
      return {
        statement: input.statement,
        entries,
        attachments: input.attachments.map((a) => ({
          name: a.name,
          note: a.note ?? null,
          indicator: a.indicator ?? null,
        })),
      };
    },
  });
}
