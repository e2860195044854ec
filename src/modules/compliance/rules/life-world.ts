/**
 * A small university for the LIFE rule tests: one college with one branch, and helpers that build
 * meetings and run one rule through the real evaluation path. Each test builds its own, so the
 * cases do not see each other.
 */
import { and, eq } from 'drizzle-orm';
import { findingsFor } from '../../../../test/compliance.ts';
import { buildMeeting, buildMember, buildOrg, buildTerm, buildUniversity } from '../../../../test/factories.ts';
import type { Db } from '../../../db/connect.ts';
import { orgs, parameterOverrides } from '../../../db/schema.ts';

type Status = 'planned' | 'notified' | 'held' | 'recorded';

export async function lifeWorld(db: Db, branchProps: { validFrom?: string } = {}) {
  const u = await buildUniversity(db);
  const t = u.tenantId;
  const college = await buildOrg(db, { tenantId: t, parentId: u.rootId, kind: 'college', name: '机电工程学院党总支' });
  const branch = await buildOrg(db, {
    tenantId: t,
    parentId: college.id,
    kind: 'branch',
    name: '机电教工第一党支部',
    validFrom: branchProps.validFrom,
  });
  const meeting = (
    heldOn: string,
    type: string,
    props: { orgId?: string; status?: Status; lecturerId?: string; minutes?: boolean } = {},
  ) =>
    buildMeeting(db, {
      tenantId: t,
      orgId: props.orgId ?? branch.id,
      heldOn,
      type,
      status: props.status,
      lecturerId: props.lecturerId,
      minutes: props.minutes ?? true,
    });
  /** The same meeting type on each day. */
  const meetings = async (type: string, days: string[], props: { orgId?: string; lecturerId?: string } = {}) => {
    for (const day of days) await meeting(day, type, props);
  };
  const member = (code: string, name: string, orgId = branch.id) => buildMember(db, { tenantId: t, orgId, code, name });
  const term = (electedOn: string, seats: { role: string; personId: string }[], orgId = branch.id) =>
    buildTerm(db, { tenantId: t, orgId, electedOn, endsOn: '2030-01-01', seats });
  const dissolve = (orgId: string, on: string) =>
    db
      .update(orgs)
      .set({ validTo: on })
      .where(and(eq(orgs.tenantId, t), eq(orgs.id, orgId)));
  const override = (rule: string, values: Record<string, unknown>, orgId: string | null = null) =>
    db.insert(parameterOverrides).values({ tenantId: t, rule, orgId, values, reason: 'test' });
  const run = (rule: string, asOf: string, range: { from?: string; to?: string; orgId?: string } = {}) =>
    findingsFor(db, { tenantId: t, asOf, rules: [rule], ...range });
  return { u, t, college, branch, meeting, meetings, member, term, dissolve, override, run };
}

/** Monthly days (the given day of each month) from `from` to `to` months of a year, e.g. months(2021, 1, 12, 15). */
export const monthly = (year: number, first: number, last: number, day: number, skip: number[] = []) =>
  Array.from({ length: last - first + 1 }, (_, i) => first + i)
    .filter((m) => !skip.includes(m))
    .map((m) => `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

export const brief = (f: { severity: string; org: string; period: string | null; message: string }) =>
  `${f.severity} ${f.org} ${f.period} ${f.message}`;
