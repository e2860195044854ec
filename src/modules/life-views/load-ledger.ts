/**
 * Everything the ledger (台账) of one branch and one year shows, read once and laid out twice
 * (workbook and printable page), so the two never disagree.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { badInput } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { committeeSeatRoles, ledgerSections, requirements, sectionOf } from './labels.ts';
import { inSubtree, loadReadableOrg } from './load-org.ts';
import { attendanceRate, type MeetingRow, selectMeetingRows } from './meeting-rows.ts';
import { yearBounds } from './periods.ts';

export type Absentee = {
  meetingId: string;
  name: string;
  status: string;
  reason: string | null;
  makeupOn: string | null;
  makeupContent: string | null;
};

export type LedgerMeeting = MeetingRow & { attendanceRate: number | null; absentees: Absentee[] };

export type SummaryRow = {
  type: string;
  title: string;
  requirement: string;
  months: number[];
  quarters: number[];
  total: number;
  /** Periods (started by the as-of day) that met the requirement, of those due. */
  met: number;
  due: number;
  per: 'month' | 'quarter' | 'year' | null;
  /** Why nothing was due (no groups, no committee, the year not begun). */
  note: string | null;
};

export type Ledger = {
  year: number;
  asOf: string;
  university: string;
  branch: { id: string; code: string; name: string };
  college: string | null;
  secretaries: string[];
  members: { full: number; probationary: number };
  groups: { id: string; name: string }[];
  sections: { key: string; title: string; meetings: LedgerMeeting[] }[];
  summary: SummaryRow[];
};

export async function loadLedger(
  tx: Tx,
  options: { actor: Actor; orgId: string; year: number; today: string },
): Promise<Ledger> {
  const { actor, year, today } = options;
  const branch = await loadReadableOrg(tx, actor, options.orgId);
  if (branch.kind !== 'branch')
    throw badInput([{ field: 'params.orgId', reason: 'the ledger is kept by a branch (党支部台账)' }]);
  const { from, to } = yearBounds(year);
  // A past year is shown as it ended; the current one as of today.
  const asOf = [to, today].sort()[0];
  const t = branch.tenantId;

  const [head] = await selectRows<{ university: string; college: string | null; collegeKind: string | null }>(
    tx,
    sql`select u.name as university, p.name as college, p.kind as "collegeKind"
      from tenants u left join orgs p on p.tenant_id = u.id and p.id = ${branch.parentId}::uuid
      where u.id = ${t}`,
  );
  const secretaries = await selectRows<{ id: string; name: string }>(
    tx,
    sql`select pe.id, pe.name from terms tm
      join positions p on p.tenant_id = tm.tenant_id and p.term_id = tm.id
      join people pe on pe.tenant_id = p.tenant_id and pe.id = p.person_id
      where tm.tenant_id = ${t} and tm.org_id = ${branch.id} and p.role = 'secretary'
        and p.valid_from <= ${to}::date and (p.valid_to is null or p.valid_to > ${from}::date)
      order by p.valid_from`,
  );
  const [members] = await selectRows<{ full: number; probationary: number }>(
    tx,
    sql`select count(*) filter (where status = 'full')::int as full,
        count(*) filter (where status = 'probationary')::int as probationary
      from memberships where tenant_id = ${t} and org_id = ${branch.id} and standing = 'normal'
        and valid_from <= ${asOf}::date and (valid_to is null or valid_to > ${asOf}::date)`,
  );
  const [{ hasCommittee }] = await selectRows<{ hasCommittee: boolean }>(
    tx,
    sql`select exists (select 1 from terms tm join positions p on p.tenant_id = tm.tenant_id and p.term_id = tm.id
        where tm.tenant_id = ${t} and tm.org_id = ${branch.id} and p.role in (${sql.join(
          committeeSeatRoles.map((r) => sql`${r}`),
          sql`, `,
        )})
          and p.valid_from <= ${to}::date and (p.valid_to is null or p.valid_to > ${from}::date)) as "hasCommittee"`,
  );
  const groups = await selectRows<{ id: string; name: string }>(
    tx,
    sql`select id, name from orgs where tenant_id = ${t} and parent_id = ${branch.id} and kind = 'group'
      and valid_from <= ${to}::date and (valid_to is null or valid_to > ${from}::date) order by code`,
  );

  const sub = inSubtree(branch);
  const rows = await selectMeetingRows(
    tx,
    sql`o.tenant_id = ${sub.tenantId} and o.path like ${sub.like} and m.status in ('held', 'recorded')
      and m.held_on between ${from}::date and ${to}::date`,
  );
  const absentees = rows.length
    ? await selectRows<Absentee>(
        tx,
        sql`select a.meeting_id as "meetingId", pe.name, a.status, a.reason, a.makeup_on::text as "makeupOn",
            a.makeup_content as "makeupContent"
          from attendance a join people pe on pe.tenant_id = a.tenant_id and pe.id = a.person_id
          where a.tenant_id = ${t} and a.status in ('absent', 'leave') and a.meeting_id in (${sql.join(
            rows.map((r) => sql`${r.id}::uuid`),
            sql`, `,
          )})
          order by pe.code`,
      )
    : [];
  const meetings: LedgerMeeting[] = rows.map((r) => ({
    ...r,
    attendanceRate: attendanceRate(r),
    absentees: absentees.filter((a) => a.meetingId === r.id),
  }));

  return {
    year,
    asOf,
    university: head.university,
    branch: { id: branch.id, code: branch.code, name: branch.name },
    college: head.collegeKind === 'university' ? null : head.college,
    secretaries: [...new Set(secretaries.map((s) => s.name))],
    members,
    groups,
    sections: ledgerSections.map((s) => ({
      key: s.key,
      title: s.title,
      meetings: meetings.filter((m) => sectionOf(m.type).key === s.key),
    })),
    summary: summarize({ meetings, groups, secretaries, hasCommittee, asOf, year }),
  };
}

/** Counts per type per month and quarter, and how many periods met the branch standard. */
function summarize(options: {
  meetings: LedgerMeeting[];
  groups: { id: string }[];
  secretaries: { id: string }[];
  hasCommittee: boolean;
  asOf: string;
  year: number;
}): SummaryRow[] {
  const { meetings, groups, secretaries, hasCommittee, asOf, year } = options;
  const monthsStarted = asOf.startsWith(String(year)) ? Number(asOf.slice(5, 7)) : 0;
  const notDue = (type: string) => {
    if (monthsStarted === 0) return '本年度尚未开始';
    if (type === 'groupMeeting') return '未设党小组';
    if (type === 'committeeMeeting') return '未设支委会';
    return null;
  };
  const quartersStarted = Math.ceil(monthsStarted / 3);
  const monthOf = (m: LedgerMeeting) => Number(m.heldOn.slice(5, 7)) - 1;
  const tally = (list: LedgerMeeting[]) => {
    const months = Array(12).fill(0) as number[];
    for (const m of list) months[monthOf(m)] += 1;
    const quarters = [0, 1, 2, 3].map((q) => months.slice(q * 3, q * 3 + 3).reduce((a, b) => a + b, 0));
    return { months, quarters, total: list.length };
  };
  const required = requirements.map((req): SummaryRow => {
    const list = meetings.filter((m) => m.type === req.type);
    const counts = tally(list);
    let met: number;
    let due: number;
    if (req.per === 'month') {
      due = monthsStarted;
      const monthMet = (i: number) =>
        req.type === 'groupMeeting'
          ? groups.length > 0 && groups.every((g) => list.some((m) => m.orgId === g.id && monthOf(m) === i))
          : counts.months[i] > 0;
      met = Array.from({ length: monthsStarted }, (_, i) => i).filter(monthMet).length;
      if (req.type === 'groupMeeting' && groups.length === 0) due = 0;
      if (req.type === 'committeeMeeting' && !hasCommittee) due = 0;
    } else if (req.per === 'quarter') {
      due = quartersStarted;
      met = counts.quarters.slice(0, quartersStarted).filter((n) => n > 0).length;
    } else {
      due = monthsStarted > 0 ? 1 : 0;
      met = counts.total > 0 && due ? 1 : 0;
    }
    return {
      type: req.type,
      title: sectionOf(req.type).title,
      requirement: req.text,
      ...counts,
      met,
      due,
      per: req.per,
      note: due > 0 ? null : notDue(req.type),
    };
  });
  // LIFE-05: the secretary gives at least one of the year's Party lectures.
  const bySecretary = meetings.filter(
    (m) => m.type === 'partyLecture' && secretaries.some((s) => s.id === m.lecturerId),
  );
  const yearDue = monthsStarted > 0 ? 1 : 0;
  const secretaryRow: SummaryRow = {
    type: 'secretaryLecture',
    title: '书记讲党课',
    requirement: '支部书记每年至少讲1次党课',
    ...tally(bySecretary),
    met: bySecretary.length > 0 && yearDue ? 1 : 0,
    due: yearDue,
    per: 'year',
    note: yearDue ? null : notDue('secretaryLecture'),
  };
  const others = meetings.filter((m) => sectionOf(m.type).key === 'other');
  const lectureAt = required.findIndex((r) => r.type === 'partyLecture') + 1;
  return [
    ...required.slice(0, lectureAt),
    secretaryRow,
    ...required.slice(lectureAt),
    { type: 'other', title: '其他', requirement: '—', ...tally(others), met: 0, due: 0, per: null, note: null },
  ];
}
