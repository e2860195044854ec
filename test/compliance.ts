/**
 * Runs the compliance engine in tests the way the app does (facts loaded by SQL from real
 * records, rules, stored findings), narrowed to the rules a test is about.
 */
import type { Db } from '../src/db/connect.ts';
import { standardSets } from '../src/domain/compliance/standard-sets.ts';
import { evaluate } from '../src/modules/compliance/evaluate.ts';

export type FindingSummary = {
  rule: string;
  severity: string;
  org: string;
  member: string | null;
  period: string | null;
  message: string;
  messageEn: string;
};

/** Evaluates `rules` for a university under every shipped set (unless `standardSets` says otherwise). */
export async function findingsFor(
  db: Db,
  options: {
    tenantId: string;
    asOf: string;
    rules: string[];
    orgId?: string;
    from?: string;
    to?: string;
    standardSets?: string[];
    store?: boolean;
  },
): Promise<FindingSummary[]> {
  const result = await db.transaction((tx) =>
    evaluate(tx, {
      tenantId: options.tenantId,
      orgId: options.orgId,
      asOf: options.asOf,
      from: options.from,
      to: options.to,
      rules: options.rules,
      standardSets: options.standardSets ?? standardSets.map((s) => s.code),
      trigger: 'manual',
      actorName: 'test',
      store: options.store ?? false,
    }),
  );
  return result.findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    org: f.orgCode,
    member: f.personCode,
    period: f.period,
    message: f.message.zh,
    messageEn: f.message.en,
  }));
}

/** Only the breaches, as `rule org member period` strings: compact to assert exactly. */
export const breachKeys = (findings: FindingSummary[]) =>
  findings
    .filter((f) => f.severity === 'breach')
    .map((f) => `${f.rule} ${f.org} ${f.member ?? '-'} ${f.period ?? '-'}`)
    .sort();
