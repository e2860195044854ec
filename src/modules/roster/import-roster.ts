/**
 * The roster import: every row checked against the file and the database (one query per kind of
 * code, never per row), every problem reported, and nothing written unless all rows are good.
 * Used by `POST /roster/import` and by the `zhibu import file.xlsx` command.
 */
import { type AnyColumn, and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { auditLog, memberships, orgs, people } from '../../db/schema.ts';
import { type Actor, holdsTenantRoot, orgInScope, personInScope } from '../../server/scope.ts';
import { nextMembership } from '../members/change-membership.ts';
import { membershipReasons } from '../members/check-membership.ts';
import { nameInitials } from '../members/name-initials.ts';
import { labelOf, type RosterKey } from './columns.ts';
import { type ParsedRow, parseRosterRow, type RosterRow, type RowIssue } from './parse-roster.ts';

export { parseRosterWorkbook, type RosterRow, type RowIssue } from './parse-roster.ts';

export type ImportRosterOptions = {
  tenantId: string;
  rows: RosterRow[];
  /** Whose scope limits the branches and people the file may touch (the CLI passes an all-reaching actor). */
  actor: Actor;
  /** Check everything, write nothing. */
  dryRun?: boolean;
  /** The day a membership change takes effect when the row gives no 起始日期 (today in Shanghai). */
  asOf: string;
};

export type ImportRosterResult = {
  created: number;
  updated: number;
  unchanged: number;
  issues: RowIssue[];
  dryRun: boolean;
};

type PersonRow = typeof people.$inferSelect;
type MembershipRow = typeof memberships.$inferSelect;
type Existing = PersonRow & { writable: boolean; current: MembershipRow | null; orgPath: string | null };
type Branch = { id: string; kind: string; path: string; validTo: string | null };
type Group = { id: string; parentId: string | null };

const personKeys = [
  'name',
  'gender',
  'birthDate',
  'personCategory',
  'unit',
  'title',
  'leadingCadre',
  'phone',
  'email',
] as const;

/** What to do for one good row. */
type Plan =
  | { kind: 'create'; row: ParsedRow; branch: Branch | null; groupId: string | null }
  | {
      kind: 'update';
      row: ParsedRow;
      existing: Existing;
      personChanges: Partial<PersonRow>;
      membership:
        | { kind: 'none' }
        | { kind: 'open'; next: NewMembership; path: string }
        | { kind: 'change'; next: NewMembership; path: string }
        | { kind: 'correct'; joinedOn: string | null; confirmedOn: string | null };
    };
type NewMembership = Omit<MembershipRow, 'id' | 'tenantId' | 'personId' | 'version' | 'createdAt' | 'validTo'>;

export async function importRoster(tx: Tx, options: ImportRosterOptions): Promise<ImportRosterResult> {
  const { tenantId, actor, asOf } = options;
  const dryRun = options.dryRun ?? false;
  const issues: RowIssue[] = [];
  const parsed: ParsedRow[] = [];
  for (const row of options.rows) {
    const result = parseRosterRow(row);
    issues.push(...result.issues);
    if (result.parsed) parsed.push(result.parsed);
  }
  duplicateCodes(options.rows, issues);

  const { existing, branches, groups } = await lookUp(tx, options);
  const universityWide = holdsTenantRoot(actor, 'write', tenantId);
  const plans: Plan[] = [];
  for (const row of parsed) {
    const rowIssues: RowIssue[] = [];
    const issue = (key: RosterKey, reason: string) => rowIssues.push({ row: row.row, column: labelOf(key), reason });
    const person = existing.get(row.code);
    if (person && !person.writable)
      issue('code', '该编号已被不在您管理范围内的人员使用 / the code belongs to a person outside your scope');
    let branch: Branch | null = null;
    let groupId: string | null = null;
    if (row.membership) {
      const found = branches.get(row.membership.branchCode);
      if (!found) issue('branchCode', '支部编码不存在或不在您的管理范围内 / unknown branch code');
      else if (found.kind !== 'branch') issue('branchCode', membershipReasons.notBranch);
      else if (found.validTo && found.validTo <= (row.membership.validFrom ?? asOf))
        issue('branchCode', membershipReasons.dissolved);
      else branch = found;
      if (branch && row.membership.groupCode) {
        const group = groups.get(row.membership.groupCode);
        if (!group || group.parentId !== branch.id) issue('groupCode', membershipReasons.notGroupOfBranch);
        else groupId = group.id;
      }
    } else if (!person && !universityWide) {
      issue('branchCode', '必填（仅学校党委组织部可导入无支部的人员） / required');
    }
    if (rowIssues.length === 0) {
      if (!person) plans.push({ kind: 'create', row, branch, groupId });
      else {
        const plan = planUpdate(row, person, branch, groupId, asOf, issue);
        if (rowIssues.length === 0) plans.push(plan);
      }
    }
    issues.push(...rowIssues);
  }

  issues.sort((a, b) => a.row - b.row);
  const created = plans.filter((p) => p.kind === 'create').length;
  const changed = plans.filter(
    (p) => p.kind === 'update' && (Object.keys(p.personChanges).length > 0 || p.membership.kind !== 'none'),
  );
  const result = {
    created,
    updated: changed.length,
    unchanged: plans.length - created - changed.length,
    issues,
    dryRun,
  };
  if (issues.length) return { ...result, created: 0, updated: 0, unchanged: 0 };
  if (dryRun) return result;
  await write(tx, options, plans);
  return result;
}

/** Later rows repeating an earlier row's code are errors (the earlier row is the one kept). */
function duplicateCodes(rows: RosterRow[], issues: RowIssue[]) {
  const firstRow = new Map<string, number>();
  for (const { row, values } of rows) {
    if (!values.code) continue;
    const first = firstRow.get(values.code);
    if (first === undefined) firstRow.set(values.code, row);
    else
      issues.push({
        row,
        column: labelOf('code'),
        reason: `与第${first}行编号重复 / duplicates the code of row ${first}`,
      });
  }
}

/** People by code, branches and groups by code: one query each for the whole file. */
async function lookUp(tx: Tx, options: ImportRosterOptions) {
  const { tenantId, actor, rows } = options;
  const codes = [...new Set(rows.map((r) => r.values.code).filter((c): c is string => !!c))];
  const branchCodes = [...new Set(rows.map((r) => r.values.branchCode).filter((c): c is string => !!c))];
  const groupCodes = [...new Set(rows.map((r) => r.values.groupCode).filter((c): c is string => !!c))];
  const existing = new Map<string, Existing>();
  if (codes.length) {
    const found = await tx
      .select({
        person: people,
        writable: sql<boolean>`${personInScope(actor, 'write', people.tenantId, people.id)}`,
        current: memberships,
        orgPath: orgs.path,
      })
      .from(people)
      .leftJoin(
        memberships,
        and(
          eq(memberships.tenantId, people.tenantId),
          eq(memberships.personId, people.id),
          isNull(memberships.validTo),
        ),
      )
      .leftJoin(orgs, and(eq(orgs.tenantId, memberships.tenantId), eq(orgs.id, memberships.orgId)))
      .where(and(eq(people.tenantId, tenantId), anyOf(people.code, codes)));
    for (const r of found)
      existing.set(r.person.code, { ...r.person, writable: r.writable, current: r.current, orgPath: r.orgPath });
  }
  const inWriteScope = orgInScope(actor, 'write', orgs.tenantId, orgs.path);
  const branches = new Map<string, Branch>();
  if (branchCodes.length) {
    const found = await tx
      .select({ id: orgs.id, code: orgs.code, kind: orgs.kind, path: orgs.path, validTo: orgs.validTo })
      .from(orgs)
      .where(and(eq(orgs.tenantId, tenantId), anyOf(orgs.code, branchCodes), inWriteScope));
    for (const b of found) branches.set(b.code, b);
  }
  const groups = new Map<string, Group>();
  if (groupCodes.length) {
    const found = await tx
      .select({ id: orgs.id, code: orgs.code, parentId: orgs.parentId })
      .from(orgs)
      .where(and(eq(orgs.tenantId, tenantId), anyOf(orgs.code, groupCodes), eq(orgs.kind, 'group'), inWriteScope));
    for (const g of found) groups.set(g.code, g);
  }
  return { existing, branches, groups };
}

/** What changes for a person already on record; blank cells keep what is there. */
function planUpdate(
  row: ParsedRow,
  person: Existing,
  branch: Branch | null,
  groupId: string | null,
  asOf: string,
  issue: (key: RosterKey, reason: string) => void,
): Plan {
  const personChanges: Partial<PersonRow> = {};
  for (const key of personKeys) {
    const value = row[key];
    if (value !== undefined && value !== person[key]) Object.assign(personChanges, { [key]: value });
  }
  if (personChanges.name) personChanges.nameInitials = nameInitials(personChanges.name);
  const m = row.membership;
  if (!m || !branch) return { kind: 'update', row, existing: person, personChanges, membership: { kind: 'none' } };
  const current = person.current;
  const effectiveOn = m.validFrom ?? asOf;
  if (!current) {
    const next = {
      status: m.status,
      standing: m.standing,
      orgId: branch.id,
      groupId,
      joinedOn: m.joinedOn,
      confirmedOn: m.confirmedOn,
      validFrom: effectiveOn,
    };
    return {
      kind: 'update',
      row,
      existing: person,
      personChanges,
      membership: { kind: 'open', next, path: branch.path },
    };
  }
  const moves =
    current.orgId !== branch.id ||
    current.groupId !== groupId ||
    current.status !== m.status ||
    current.standing !== m.standing;
  if (moves) {
    const { next, issues } = nextMembership(current, {
      effectiveOn,
      orgId: branch.id,
      groupId,
      status: m.status,
      standing: m.standing,
      confirmedOn: m.confirmedOn ?? current.confirmedOn,
    });
    const columns: Record<string, RosterKey> = {
      effectiveOn: 'validFrom',
      status: 'status',
      confirmedOn: 'confirmedOn',
    };
    for (const i of issues) issue(columns[i.field] ?? 'validFrom', i.reason);
    if (m.joinedOn) next.joinedOn = m.joinedOn;
    return {
      kind: 'update',
      row,
      existing: person,
      personChanges,
      membership: { kind: 'change', next, path: branch.path },
    };
  }
  // Same place and status: differing dates are corrections of the current record, not a new interval.
  const joinedOn = m.joinedOn ?? current.joinedOn;
  const confirmedOn = m.confirmedOn ?? current.confirmedOn;
  if (joinedOn !== current.joinedOn || confirmedOn !== current.confirmedOn) {
    if (confirmedOn && joinedOn && confirmedOn < joinedOn)
      issue('confirmedOn', membershipReasons.confirmedBeforeJoined);
    return {
      kind: 'update',
      row,
      existing: person,
      personChanges,
      membership: { kind: 'correct', joinedOn, confirmedOn },
    };
  }
  return { kind: 'update', row, existing: person, personChanges, membership: { kind: 'none' } };
}

async function write(tx: Tx, options: ImportRosterOptions, plans: Plan[]) {
  const { tenantId, actor } = options;
  const root = `/${tenantId}/`;
  const audits: (typeof auditLog.$inferInsert)[] = [];
  const audit = (entityId: string, orgPath: string, action: string, before: unknown, after: unknown) =>
    audits.push({
      tenantId,
      orgPath,
      actorId: actor.accountId || null,
      actorName: actor.displayName,
      action,
      entity: 'person',
      entityId,
      before: before as never,
      after: after as never,
    });

  const creates = plans.filter((p): p is Extract<Plan, { kind: 'create' }> => p.kind === 'create');
  if (creates.length) {
    const inserted = await insertInChunks(
      creates.map(({ row }) => ({
        tenantId,
        code: row.code,
        name: row.name,
        nameInitials: nameInitials(row.name),
        gender: row.gender ?? null,
        birthDate: row.birthDate ?? null,
        personCategory: row.personCategory,
        unit: row.unit ?? null,
        title: row.title ?? null,
        leadingCadre: row.leadingCadre ?? false,
        phone: row.phone ?? null,
        email: row.email ?? null,
      })),
      (chunk) => tx.insert(people).values(chunk).returning(),
    );
    const byCode = new Map(inserted.map((p) => [p.code, p]));
    const newMemberships = creates
      .filter((c) => c.branch && c.row.membership)
      .map(({ row, branch, groupId }) => {
        const m = row.membership!;
        return {
          tenantId,
          personId: byCode.get(row.code)!.id,
          orgId: branch!.id,
          groupId,
          status: m.status,
          standing: m.standing,
          joinedOn: m.joinedOn,
          confirmedOn: m.confirmedOn,
          validFrom: m.validFrom ?? options.asOf,
        };
      });
    const insertedMemberships = newMemberships.length
      ? await insertInChunks(newMemberships, (chunk) => tx.insert(memberships).values(chunk).returning())
      : [];
    const membershipOf = new Map(insertedMemberships.map((m) => [m.personId, m]));
    for (const { row, branch } of creates) {
      const person = byCode.get(row.code)!;
      audit(person.id, branch?.path ?? root, 'create', null, {
        ...person,
        membership: membershipOf.get(person.id) ?? null,
      });
    }
  }

  for (const plan of plans) {
    if (plan.kind !== 'update') continue;
    const { existing, personChanges, membership } = plan;
    if (Object.keys(personChanges).length === 0 && membership.kind === 'none') continue;
    const { writable: _w, current, orgPath, ...before } = existing;
    let after: unknown = before;
    if (Object.keys(personChanges).length) {
      [after] = await tx
        .update(people)
        .set({ ...personChanges, version: sql`${people.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(people.tenantId, tenantId), eq(people.id, existing.id)))
        .returning();
    }
    let membershipAfter: unknown = current;
    if (membership.kind === 'correct' && current) {
      [membershipAfter] = await tx
        .update(memberships)
        .set({
          joinedOn: membership.joinedOn,
          confirmedOn: membership.confirmedOn,
          version: sql`${memberships.version} + 1`,
        })
        .where(and(eq(memberships.tenantId, tenantId), eq(memberships.id, current.id)))
        .returning();
    }
    if (membership.kind === 'change' && current) {
      await tx
        .update(memberships)
        .set({ validTo: membership.next.validFrom, version: sql`${memberships.version} + 1` })
        .where(and(eq(memberships.tenantId, tenantId), eq(memberships.id, current.id)));
    }
    if (membership.kind === 'change' || membership.kind === 'open') {
      [membershipAfter] = await tx
        .insert(memberships)
        .values({ tenantId, personId: existing.id, ...membership.next })
        .returning();
    }
    const path = membership.kind === 'change' || membership.kind === 'open' ? membership.path : (orgPath ?? root);
    audit(
      existing.id,
      path,
      'update',
      { ...before, membership: current },
      { ...(after as object), membership: membershipAfter },
    );
  }

  const created = creates.length;
  audits.push({
    tenantId,
    orgPath: root,
    actorId: actor.accountId || null,
    actorName: actor.displayName,
    action: 'import',
    entity: 'roster',
    entityId: null,
    before: null,
    after: { rows: options.rows.length, created, updated: audits.length - created } as never,
  });
  // Audit rows go in with the change, in one statement for the whole file.
  await insertInChunks(audits, (chunk) => tx.insert(auditLog).values(chunk).returning({ id: auditLog.id }));
}

/** `column = any($1)` with the whole list as one array parameter: a big file stays one query. */
const anyOf = (column: AnyColumn, values: string[]): SQL => sql`${column} = any(${sql.param(values)}::text[])`;

/**
 * Multi-row inserts in slices: PostgreSQL takes at most 65,535 parameters per statement, and a
 * large roster has more cells than that.
 */
async function insertInChunks<Row, Out>(rows: Row[], insert: (chunk: Row[]) => Promise<Out[]>): Promise<Out[]> {
  const out: Out[] = [];
  for (let i = 0; i < rows.length; i += 1000) out.push(...(await insert(rows.slice(i, i + 1000))));
  return out;
}
