/**
 * The import of online study hours from Excel: every row checked against the file and the
 * database (one query for all the codes), every problem reported, and nothing written unless all
 * rows are good. Credits go to people the actor may write for; the batch is one audit entry.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { people, trainingCredits } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { type Actor, personInScope } from '../../server/scope.ts';
import type { RowIssue, StudyRow } from './parse-study-rows.ts';
import { studyLabelOf } from './study-columns.ts';

export type ImportStudyResult = { credits: number; people: number; hours: number };

/** Returns the problems (nothing written when there are any) or what was written. */
export async function importStudyHours(
  tx: Tx,
  options: { tenantId: string; rows: StudyRow[]; actor: Actor; dryRun: boolean; issues?: RowIssue[] },
): Promise<{ issues: RowIssue[]; result: ImportStudyResult }> {
  const { tenantId, rows, actor } = options;
  const codes = [...new Set(rows.map((r) => r.personCode))];
  const found = codes.length
    ? await tx
        .select({ id: people.id, code: people.code, name: people.name })
        .from(people)
        .where(
          and(
            eq(people.tenantId, tenantId),
            inArray(people.code, codes),
            personInScope(actor, 'write', people.tenantId, people.id),
          ),
        )
    : [];
  const byCode = new Map(found.map((p) => [p.code, p]));
  // Problems of the file itself come in from the parser, so the report lists everything at once.
  const issues: RowIssue[] = [...(options.issues ?? [])];
  for (const r of rows) {
    const person = byCode.get(r.personCode);
    if (!person)
      issues.push({
        row: r.row,
        column: studyLabelOf('personCode'),
        reason: `人员编号 ${r.personCode} 不存在或不在您的管理范围内 / unknown person code ${r.personCode}`,
      });
    else if (r.name && r.name !== person.name)
      issues.push({
        row: r.row,
        column: studyLabelOf('name'),
        reason: `与人员编号 ${r.personCode} 的姓名“${person.name}”不一致 / does not match ${r.personCode}`,
      });
  }
  const result: ImportStudyResult = {
    credits: rows.length,
    people: new Set(rows.map((r) => r.personCode)).size,
    hours: Math.round(rows.reduce((sum, r) => sum + r.hours, 0) * 10) / 10,
  };
  issues.sort((a, b) => a.row - b.row);
  if (issues.length || options.dryRun) return { issues, result };
  await tx.insert(trainingCredits).values(
    rows.map((r) => ({
      tenantId,
      personId: byCode.get(r.personCode)!.id,
      kind: r.kind,
      title: r.title,
      creditedOn: r.on,
      hours: r.hours,
      source: 'import',
    })),
  );
  await recordAudit(tx, actor, {
    action: 'import',
    entity: 'trainingCredits',
    tenantId,
    after: result,
  });
  return { issues, result };
}
