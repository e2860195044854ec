/**
 * The all-or-nothing imports of income bases (a payroll list) and payments: every row checked
 * against the file and the database (one query per kind of lookup, never per row), every
 * problem reported as { row, column, reason }, nothing written unless every row is good.
 */
import { and, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { duesBases, duesPayments, people } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { type Actor, personInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { baseColumns, categoryByName, type ImportColumn, methodByName, paymentColumns } from './import-columns.ts';
import { parseDay, parseMonth, parseYuan, type RowIssue, type SheetRow } from './import-sheet.ts';
import type { DuesPerson } from './load-dues-person.ts';

export type DuesImportResult = { rows: number; dryRun: boolean; issues: RowIssue[] };
type Options = { tenantId: string; rows: SheetRow[]; actor: Actor; dryRun: boolean; today: string };

const labelIn = (columns: ImportColumn[]) => (key: string) => columns.find((c) => c.key === key)!.label;

/** People of the university by code, limited to those the actor may write. */
async function peopleByCode(tx: Tx, options: Options): Promise<Map<string, DuesPerson>> {
  const codes = [...new Set(options.rows.map((r) => r.values.code).filter(Boolean))];
  if (codes.length === 0) return new Map();
  const rows = await selectRows<DuesPerson>(
    tx,
    sql`select people.id, people.tenant_id as "tenantId", people.code, people.name,
      coalesce((select o.path from memberships m join orgs o on o.tenant_id = m.tenant_id and o.id = m.org_id
        where m.tenant_id = people.tenant_id and m.person_id = people.id and m.valid_to is null
        order by m.valid_from desc limit 1), '/' || people.tenant_id || '/') as "orgPath",
      (select to_char(min(coalesce(m.joined_on, m.valid_from)), 'YYYY-MM') from memberships m
        where m.tenant_id = people.tenant_id and m.person_id = people.id) as "firstMonth"
    from people where people.tenant_id = ${options.tenantId}::uuid and people.code = any(${sql.param(codes)}::text[])
      and ${personInScope(options.actor, 'write', people.tenantId, people.id)}`,
  );
  return new Map(rows.map((r) => [r.code, r]));
}

/** The person of a row, or the row's issue. */
function personOf(
  row: SheetRow,
  found: Map<string, DuesPerson>,
  label: (k: string) => string,
  issue: (c: string, r: string) => void,
) {
  const code = row.values.code;
  if (!code) {
    issue(label('code'), '必填 / required');
    return null;
  }
  const person = found.get(code);
  if (!person) {
    issue(label('code'), '编号不存在或不在您的管理范围内 / unknown code or outside your scope');
    return null;
  }
  if (row.values.name && row.values.name !== person.name)
    issue(label('name'), `与编号对应的姓名“${person.name}”不符 / does not match the code`);
  return person;
}

/** Later rows repeating an earlier row's key (person and month) are errors. */
function once(
  seen: Map<string, number>,
  key: string,
  row: number,
  column: string,
  issue: (c: string, r: string) => void,
) {
  const first = seen.get(key);
  if (first !== undefined) issue(column, `与第${first}行重复 / duplicates row ${first}`);
  else seen.set(key, row);
}

export async function importBases(tx: Tx, options: Options): Promise<DuesImportResult> {
  const label = labelIn(baseColumns);
  const found = await peopleByCode(tx, options);
  const issues: RowIssue[] = [];
  const seen = new Map<string, number>();
  const good: (typeof duesBases.$inferInsert & { orgPath: string; row: number })[] = [];
  for (const row of options.rows) {
    const rowIssues: RowIssue[] = [];
    const issue = (column: string, reason: string) => rowIssues.push({ row: row.row, column, reason });
    const person = personOf(row, found, label, issue);
    const category = row.values.category ? categoryByName[row.values.category] : undefined;
    if (!row.values.category) issue(label('category'), '必填 / required');
    else if (!category) issue(label('category'), '应为 在职、离退休、学生 或 困难 / unknown category');
    const rated = category === 'staff' || category === 'retired';
    const base = row.values.base ? parseYuan(row.values.base) : rated ? null : 0;
    if (base === null)
      issue(
        label('base'),
        row.values.base
          ? '应为不小于0的金额，最多两位小数 / not a non-negative amount'
          : '在职和离退休党员必填 / required',
      );
    const month = row.values.effectiveMonth ? parseMonth(row.values.effectiveMonth) : null;
    if (!row.values.effectiveMonth) issue(label('effectiveMonth'), '必填 / required');
    else if (!month) issue(label('effectiveMonth'), '格式应为 YYYY-MM / expected YYYY-MM');
    else if (person?.firstMonth && month < person.firstMonth)
      issue(label('effectiveMonth'), `早于入党（${person.firstMonth}）/ before admission`);
    const verifiedOn = row.values.verifiedOn ? parseDay(row.values.verifiedOn) : options.today;
    if (!verifiedOn) issue(label('verifiedOn'), '格式应为 YYYY-MM-DD / expected YYYY-MM-DD');
    if (person && month) once(seen, `${person.id}|${month}`, row.row, label('effectiveMonth'), issue);
    if (rowIssues.length === 0 && person && category && month && base !== null && verifiedOn)
      good.push({
        tenantId: person.tenantId,
        personId: person.id,
        effectiveMonth: month,
        category,
        base,
        verifiedOn,
        orgPath: person.orgPath,
        row: row.row,
      });
    issues.push(...rowIssues);
  }
  await alreadyThere(
    tx,
    good.map((g) => ({ personId: g.personId, month: g.effectiveMonth, row: g.row })),
    'bases',
    options,
    issues,
    label('effectiveMonth'),
  );
  if (issues.length) return { rows: 0, dryRun: options.dryRun, issues: issues.sort((a, b) => a.row - b.row) };
  if (!options.dryRun && good.length) {
    const inserted = await tx
      .insert(duesBases)
      .values(good.map(({ orgPath: _, row: __, ...g }) => g))
      .returning();
    for (const [i, row] of inserted.entries())
      await recordAudit(tx, options.actor, {
        action: 'import',
        entity: 'duesBase',
        entityId: row.id,
        tenantId: row.tenantId,
        orgPath: good[i].orgPath,
        after: row,
      });
  }
  return { rows: good.length, dryRun: options.dryRun, issues: [] };
}

export async function importPayments(tx: Tx, options: Options): Promise<DuesImportResult> {
  const label = labelIn(paymentColumns);
  const found = await peopleByCode(tx, options);
  const issues: RowIssue[] = [];
  const seen = new Map<string, number>();
  const good: (typeof duesPayments.$inferInsert & { orgPath: string; row: number })[] = [];
  for (const row of options.rows) {
    const rowIssues: RowIssue[] = [];
    const issue = (column: string, reason: string) => rowIssues.push({ row: row.row, column, reason });
    const person = personOf(row, found, label, issue);
    const month = row.values.month ? parseMonth(row.values.month) : null;
    if (!row.values.month) issue(label('month'), '必填 / required');
    else if (!month) issue(label('month'), '格式应为 YYYY-MM / expected YYYY-MM');
    else if (person && (!person.firstMonth || month < person.firstMonth))
      issue(label('month'), `早于入党（${person.firstMonth ?? '无组织关系'}）/ before admission`);
    const amount = row.values.amount ? parseYuan(row.values.amount) : null;
    if (!row.values.amount) issue(label('amount'), '必填 / required');
    else if (amount === null) issue(label('amount'), '应为不小于0的金额，最多两位小数 / not a non-negative amount');
    const paidOn = row.values.paidOn ? parseDay(row.values.paidOn) : null;
    if (!row.values.paidOn) issue(label('paidOn'), '必填 / required');
    else if (!paidOn) issue(label('paidOn'), '格式应为 YYYY-MM-DD / expected YYYY-MM-DD');
    else if (paidOn > options.today) issue(label('paidOn'), '晚于今天 / in the future');
    const method = row.values.method ? methodByName[row.values.method] : 'transfer';
    if (!method) issue(label('method'), '应为 现金、转账、线上 或 工资代扣 / unknown method');
    if (person && month) once(seen, `${person.id}|${month}`, row.row, label('month'), issue);
    if (rowIssues.length === 0 && person && month && amount !== null && paidOn && method)
      good.push({
        tenantId: person.tenantId,
        personId: person.id,
        month,
        amount,
        paidOn,
        method,
        recordedBy: options.actor.accountId || null,
        recordedByName: options.actor.displayName,
        orgPath: person.orgPath,
        row: row.row,
      });
    issues.push(...rowIssues);
  }
  await alreadyThere(
    tx,
    good.map((g) => ({ personId: g.personId, month: g.month, row: g.row })),
    'payments',
    options,
    issues,
    label('month'),
  );
  if (issues.length) return { rows: 0, dryRun: options.dryRun, issues: issues.sort((a, b) => a.row - b.row) };
  if (!options.dryRun && good.length) {
    const inserted = await tx
      .insert(duesPayments)
      .values(good.map(({ orgPath: _, row: __, ...g }) => g))
      .returning();
    for (const [i, row] of inserted.entries())
      await recordAudit(tx, options.actor, {
        action: 'import',
        entity: 'duesPayment',
        entityId: row.id,
        tenantId: row.tenantId,
        orgPath: good[i].orgPath,
        after: row,
      });
  }
  return { rows: good.length, dryRun: options.dryRun, issues: [] };
}

/** Rows whose member already has a base (or payment) for that month: edit it in the app instead. */
async function alreadyThere(
  tx: Tx,
  keys: { personId: string; month: string; row: number }[],
  kind: 'bases' | 'payments',
  options: Options,
  issues: RowIssue[],
  column: string,
) {
  if (keys.length === 0) return;
  const ids = [...new Set(keys.map((k) => k.personId))];
  const existing =
    kind === 'bases'
      ? await tx
          .select({ personId: duesBases.personId, month: duesBases.effectiveMonth })
          .from(duesBases)
          .where(and(sql`${duesBases.tenantId} = ${options.tenantId}::uuid`, inArray(duesBases.personId, ids)))
      : await tx
          .select({ personId: duesPayments.personId, month: duesPayments.month })
          .from(duesPayments)
          .where(and(sql`${duesPayments.tenantId} = ${options.tenantId}::uuid`, inArray(duesPayments.personId, ids)));
  const taken = new Set(existing.map((e) => `${e.personId}|${e.month}`));
  for (const k of keys)
    if (taken.has(`${k.personId}|${k.month}`))
      issues.push({
        row: k.row,
        column,
        reason: '该月已有记录，请在系统中修改 / already recorded for this month; edit it instead',
      });
}
