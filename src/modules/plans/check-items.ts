import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { people } from '../../db/schema.ts';
import type { FieldIssue } from '../../server/errors.ts';
import type { PlanItemInput } from './schema.ts';

export type NormalizedItem = {
  type: string;
  month: number;
  plannedOn: string | null;
  topic: string;
  lecturerId: string | null;
  position: number;
};

/**
 * Each item lies in the plan's year, names its month (or a day, which gives the month), and a
 * lecturer who is a person of this university. Returns the issues, or the rows to insert.
 */
export async function checkItems(
  tx: Tx,
  options: { tenantId: string; year: number; items: PlanItemInput[]; field: string },
): Promise<{ issues: FieldIssue[]; rows: NormalizedItem[] }> {
  const { tenantId, year, items, field } = options;
  const issues: FieldIssue[] = [];
  const rows: NormalizedItem[] = [];
  items.forEach((item, i) => {
    const at = `${field}.${i}`;
    let month = item.month;
    if (item.plannedOn) {
      const [y, m] = item.plannedOn.split('-').map(Number);
      if (y !== year)
        issues.push({ field: `${at}.plannedOn`, reason: `不在${year}年内 / not in the plan's year ${year}` });
      else if (month !== undefined && month !== m)
        issues.push({ field: `${at}.month`, reason: `与计划日期的月份不符 / does not match the month of plannedOn` });
      month = m;
    }
    if (month === undefined) {
      issues.push({ field: `${at}.month`, reason: '请填写月份或日期 / give a month or a plannedOn day' });
      return;
    }
    rows.push({
      type: item.type,
      month,
      plannedOn: item.plannedOn ?? null,
      topic: item.topic,
      lecturerId: item.lecturerId ?? null,
      position: i,
    });
  });
  const lecturerIds = [...new Set(items.map((i) => i.lecturerId).filter((x): x is string => !!x))];
  if (lecturerIds.length) {
    const known = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.tenantId, tenantId), inArray(people.id, lecturerIds)));
    const knownIds = new Set(known.map((p) => p.id));
    items.forEach((item, i) => {
      if (item.lecturerId && !knownIds.has(item.lecturerId))
        issues.push({ field: `${field}.${i}.lecturerId`, reason: '本校无此人 / unknown person' });
    });
  }
  return { issues, rows };
}
