/**
 * The all-or-nothing import of an activist list: each row opens a development case with its
 * application and activist steps. Every row is checked against the file and the database (one
 * query per kind of lookup, never per row) — the person exists, the branch is the importer's, the
 * dates are in order, DEV-01 (18 on the application day) and DEV-03 (one or two mentors who are full
 * members on the activist day) hold — and every problem is reported as { row, column, reason };
 * nothing is written unless every row is good.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { devCases, devEvents } from '../../db/schema.ts';
import { dev01MinAge, dev03Mentors, type LawIssue, type MemberStatus } from '../../domain/development/law.ts';
import { stageOf } from '../../domain/development/stage.ts';
import type { DevEvent } from '../../domain/development/steps.ts';
import { validOn } from '../../domain/periods.ts';
import { recordAudit } from '../../server/audit.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { parseDay, type RowIssue, type SheetRow } from '../dues/import-sheet.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { activistColumns, splitCodes } from './columns.ts';
import { birthDateOfIdNumber } from './id-card.ts';

/** DEV-01's minimum age (national; the case API's gate uses the same default). */
export const MIN_AGE = 18;

export type ActivistImportResult = { rows: number; dryRun: boolean; issues: RowIssue[] };
type Options = { tenantId: string; rows: SheetRow[]; actor: Actor; dryRun: boolean; today: string };

type Person = { id: string; code: string; name: string; birthDate: string | null };
type Branch = { id: string; code: string; path: string; writable: boolean };
type Span = { personId: string; status: string; standing: string; validFrom: string; validTo: string | null };

const label = (key: string) => activistColumns.find((c) => c.key === key)?.label ?? key;

async function lookups(tx: Tx, options: Options) {
  const values = (key: string) => [...new Set(options.rows.map((r) => r.values[key]).filter(Boolean))];
  const codes = values('code');
  const names = options.rows.filter((r) => !r.values.code && r.values.name).map((r) => r.values.name);
  const mentorCodes = [...new Set(options.rows.flatMap((r) => splitCodes(r.values.mentors ?? '')))];
  const tenant = sql`${options.tenantId}::uuid`;
  const people = await selectRows<Person>(
    tx,
    sql`select p.id, p.code, p.name, to_char(p.birth_date, 'YYYY-MM-DD') as "birthDate" from people p
      where p.tenant_id = ${tenant}
        and (p.code = any(${sql.param([...codes, ...mentorCodes])}::text[]) or p.name = any(${sql.param(names)}::text[]))`,
  );
  const branches = await selectRows<Branch>(
    tx,
    sql`select o.id, o.code, o.path, ${orgInScope(options.actor, 'write', sql`o.tenant_id`, sql`o.path`)} as writable
      from orgs o where o.tenant_id = ${tenant} and o.kind = 'branch' and o.valid_to is null
        and o.code = any(${sql.param(values('branchCode'))}::text[])`,
  );
  const ids = people.map((p) => p.id);
  const spans = await selectRows<Span>(
    tx,
    sql`select m.person_id as "personId", m.status, m.standing, to_char(m.valid_from, 'YYYY-MM-DD') as "validFrom",
        to_char(m.valid_to, 'YYYY-MM-DD') as "validTo"
      from memberships m where m.tenant_id = ${tenant} and m.person_id = any(${sql.param(ids)}::uuid[])`,
  );
  const withCase = await selectRows<{ personId: string }>(
    tx,
    sql`select person_id as "personId" from dev_cases where tenant_id = ${tenant} and person_id = any(${sql.param(ids)}::uuid[])`,
  );
  const byName = new Map<string, Person[]>();
  for (const p of people) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  const spansOf = new Map<string, Span[]>();
  for (const s of spans) spansOf.set(s.personId, [...(spansOf.get(s.personId) ?? []), s]);
  return {
    byCode: new Map(people.map((p) => [p.code, p])),
    byName,
    branchByCode: new Map(branches.map((b) => [b.code, b])),
    spansOf,
    withCase: new Set(withCase.map((c) => c.personId)),
  };
}

type Found = Awaited<ReturnType<typeof lookups>>;
type Issue = (column: string, reason: string) => void;

/** The row's person, by code, or by name and the birth date in the ID number. */
function personOf(row: SheetRow, found: Found, issue: Issue): { person: Person; idBirth: string | null } | null {
  const { code, name, idNumber } = row.values;
  const idBirth = idNumber ? birthDateOfIdNumber(idNumber) : null;
  if (idNumber && !idBirth)
    issue(label('idNumber'), '身份证号无效（位数、出生日期或校验位不符）/ not a valid ID number');
  if (!name) issue(label('name'), '必填 / required');
  if (code) {
    const person = found.byCode.get(code);
    if (!person) {
      issue(label('code'), '编号不存在，请先在人员名册中登记此人 / unknown person; add them to the roster first');
      return null;
    }
    if (name && name !== person.name)
      issue(label('name'), `与编号对应的姓名“${person.name}”不符 / does not match the code`);
    if (idBirth && person.birthDate && idBirth !== person.birthDate)
      issue(label('idNumber'), `出生日期与名册（${person.birthDate}）不符 / birth date differs from the roster`);
    return { person, idBirth };
  }
  if (!idNumber) {
    issue(label('code'), '编号或身份证号至少填写一项 / give the code, or the name and ID number');
    return null;
  }
  if (!name || !idBirth) return null;
  const matches = (found.byName.get(name) ?? []).filter((p) => p.birthDate === idBirth);
  if (matches.length === 0) {
    issue(label('idNumber'), '名册中没有此姓名和出生日期的人员 / no person with this name and birth date');
    return null;
  }
  if (matches.length > 1) {
    issue(label('idNumber'), '同名同出生日期的人员不止一人，请填写编号 / several people match; give the code');
    return null;
  }
  return { person: matches[0], idBirth };
}

/** A statutory refusal as a row error: the rule id and the same words the gate and the engine use. */
const lawReason = (issue: LawIssue) => `${issue.rule}：${issue.message.zh} / ${issue.message.en}`;

/** A person's standing on a day, as the law functions take it. */
function statusOn(spans: Span[], day: string): MemberStatus {
  const span = spans.find((s) => s.standing === 'normal' && validOn(s, day));
  return span ? (span.status as MemberStatus) : null;
}

/** The mentors named by code; DEV-03 (one or two, each a full member on the activist day) as the gate checks it. */
function mentorsOf(row: SheetRow, found: Found, person: Person | null, activistOn: string | null, issue: Issue) {
  const codes = splitCodes(row.values.mentors ?? '');
  const mentors = codes.map((code) => ({ code, person: found.byCode.get(code) }));
  for (const m of mentors) if (!m.person) issue(label('mentors'), `编号${m.code}不存在 / unknown mentor ${m.code}`);
  const known = mentors.flatMap((m) => (m.person ? [m.person] : []));
  if (known.some((m) => m.id === person?.id))
    issue(label('mentors'), '不能担任自己的培养联系人 / cannot mentor themself');
  if (known.length !== mentors.length || !activistOn) return null;
  const ids = known.map((m) => m.id);
  const status = Object.fromEntries(known.map((m) => [m.id, statusOn(found.spansOf.get(m.id) ?? [], activistOn)]));
  const names = Object.fromEntries(known.map((m) => [m.id, `${m.name}（${m.code}）`]));
  for (const violation of dev03Mentors(ids, status, activistOn, names)) issue(label('mentors'), lawReason(violation));
  return ids;
}

type Good = { row: number; personId: string; branch: Branch; events: DevEvent[] };

export async function importActivists(tx: Tx, options: Options): Promise<ActivistImportResult> {
  const found = await lookups(tx, options);
  const issues: RowIssue[] = [];
  const seen = new Map<string, number>();
  const good: Good[] = [];
  for (const row of options.rows) {
    const rowIssues: RowIssue[] = [];
    const issue: Issue = (column, reason) => rowIssues.push({ row: row.row, column, reason });
    const who = personOf(row, found, issue);
    const person = who?.person ?? null;
    if (person) {
      const first = seen.get(person.id);
      if (first !== undefined) issue(label('name'), `与第${first}行是同一人 / same person as row ${first}`);
      else seen.set(person.id, row.row);
      if (found.withCase.has(person.id)) issue(label('name'), '此人已有发展档案 / already has a development case');
      if ((found.spansOf.get(person.id) ?? []).some((s) => s.validTo === null))
        issue(label('name'), '此人已是党员 / already a member');
    }

    const branch = row.values.branchCode ? found.branchByCode.get(row.values.branchCode) : undefined;
    if (!row.values.branchCode) issue(label('branchCode'), '必填 / required');
    else if (!branch) issue(label('branchCode'), '党支部编号不存在 / unknown branch');
    else if (!branch.writable) issue(label('branchCode'), '不在您的管理范围内 / outside your scope');

    const day = (key: 'appliedOn' | 'activistOn') => {
      const text = row.values[key];
      if (!text) {
        issue(label(key), '必填 / required');
        return null;
      }
      const parsed = parseDay(text);
      if (!parsed) issue(label(key), '格式应为 YYYY-MM-DD / expected YYYY-MM-DD');
      else if (parsed > options.today) issue(label(key), '晚于今天 / in the future');
      return parsed && parsed <= options.today ? parsed : null;
    };
    const appliedOn = day('appliedOn');
    const activistOn = day('activistOn');
    if (appliedOn && activistOn && activistOn < appliedOn)
      issue(label('activistOn'), '早于申请入党日期 / before the application');

    if (person && appliedOn) {
      const birthDate = person.birthDate ?? who?.idBirth ?? null;
      const tooYoung = dev01MinAge(birthDate, appliedOn, MIN_AGE);
      if (tooYoung) issue(label(birthDate ? 'appliedOn' : 'idNumber'), lawReason(tooYoung));
    }
    const mentors = mentorsOf(row, found, person, activistOn, issue);

    if (rowIssues.length === 0 && person && branch && appliedOn && activistOn && mentors)
      good.push({
        row: row.row,
        personId: person.id,
        branch,
        events: [
          { step: 'application', on: appliedOn, data: {} },
          { step: 'activist', on: activistOn, data: { mentors } },
        ],
      });
    issues.push(...rowIssues);
  }
  if (issues.length) return { rows: 0, dryRun: options.dryRun, issues };
  if (!options.dryRun) for (const g of good) await writeCase(tx, options, g);
  return { rows: good.length, dryRun: options.dryRun, issues: [] };
}

async function writeCase(tx: Tx, options: Options, g: Good) {
  const [row] = await tx
    .insert(devCases)
    .values({
      tenantId: options.tenantId,
      personId: g.personId,
      orgId: g.branch.id,
      stage: stageOf(g.events) as string,
    })
    .returning();
  const events = await tx
    .insert(devEvents)
    .values(
      g.events.map((e) => ({
        tenantId: options.tenantId,
        caseId: row.id,
        step: e.step,
        on: e.on,
        data: e.data,
        note: '由积极分子名单导入 / imported from an activist list',
        recordedBy: options.actor.accountId || null,
        recordedByName: options.actor.displayName,
      })),
    )
    .returning();
  await recordAudit(tx, options.actor, {
    action: 'import',
    entity: 'devCase',
    entityId: row.id,
    tenantId: options.tenantId,
    orgPath: g.branch.path,
    after: { case: row, events },
  });
}
