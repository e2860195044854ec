/**
 * The secretary's to-do list over every branch the actor may write to. Each kind of item is one
 * statement over all those branches at once (a college admin with sixty branches costs five
 * queries, not three hundred).
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import type { MeetingType } from '../../domain/vocabulary.ts';
import type { Bilingual } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { committeeSeatRoles, meetingTypeLabels, meetingTypeNamesEn } from './labels.ts';
import { addDays, monthBounds, quarterBounds } from './periods.ts';

export type TodoKind = 'meetingDue' | 'makeupsOpen' | 'reportsUnread' | 'plannedOverdue';

export type Todo = {
  kind: TodoKind;
  /** The org the item is about (a group for a group meeting), with its branch. */
  orgId: string;
  orgName: string;
  branchId: string;
  branchName: string;
  meetingType: string | null;
  title: string;
  counts: Record<string, number>;
  dueOn: string;
  /** Where the web app opens the item. */
  link: string;
};

/** Titles in the reader's language (Chinese unless the account chose English). */
const say = (actor: Actor, text: Bilingual) => (actor.locale === 'en-US' ? text.en : text.zh);

/** LIFE-11: an absence is made up within this many days. */
const MAKEUP_DAYS = 30;

const committeeRoles = sql`(${sql.join(
  committeeSeatRoles.map((r) => sql`${r}`),
  sql`, `,
)})`;

const branchesOf = (actor: Actor) => sql`
  select b.tenant_id, b.id, b.name, b.path from orgs b
  where b.kind = 'branch' and b.valid_to is null and ${orgInScope(actor, 'write', sql`b.tenant_id`, sql`b.path`)}`;

const held = sql`('held', 'recorded')`;

type DueRow = {
  orgId: string;
  orgName: string;
  branchId: string;
  branchName: string;
  type: string;
  dueOn: string;
  planned: number;
};

/**
 * Branch meetings of this period not yet held: general assembly and Party lecture per quarter,
 * theme day per month, committee meeting per month where there is a committee, and a group
 * meeting per month in each group of the branch.
 */
async function meetingsDue(tx: Tx, actor: Actor, today: string): Promise<Todo[]> {
  const month = monthBounds(today.slice(0, 7));
  const quarter = quarterBounds(today);
  const rows = await selectRows<DueRow>(
    tx,
    sql`
    with br as (${branchesOf(actor)}),
    due(type, starts_on, ends_on) as (values
      ('generalAssembly', ${quarter.from}::date, ${quarter.to}::date),
      ('partyLecture', ${quarter.from}::date, ${quarter.to}::date),
      ('themeDay', ${month.from}::date, ${month.to}::date),
      ('committeeMeeting', ${month.from}::date, ${month.to}::date),
      ('groupMeeting', ${month.from}::date, ${month.to}::date)),
    committees as (
      select br.tenant_id, br.id as org_id from br
      join terms t on t.tenant_id = br.tenant_id and t.id = (
        select t2.id from terms t2 where t2.tenant_id = br.tenant_id and t2.org_id = br.id
          and t2.elected_on <= ${today}::date order by t2.elected_on desc limit 1)
      where exists (select 1 from positions p where p.tenant_id = t.tenant_id and p.term_id = t.id
        and p.role in ${committeeRoles} and p.valid_from <= ${today}::date
        and (p.valid_to is null or p.valid_to > ${today}::date))),
    targets as (
      select br.tenant_id, br.id as org_id, br.name as org_name, br.id as branch_id, br.name as branch_name, due.*
      from br cross join due
      where due.type in ('generalAssembly', 'partyLecture', 'themeDay')
        or (due.type = 'committeeMeeting'
          and exists (select 1 from committees c where c.tenant_id = br.tenant_id and c.org_id = br.id))
      union all
      select g.tenant_id, g.id, g.name, br.id, br.name, due.*
      from br join orgs g on g.tenant_id = br.tenant_id and g.parent_id = br.id and g.kind = 'group' and g.valid_to is null
      cross join due where due.type = 'groupMeeting'),
    counted as (
      select tg.*,
        count(m.id) filter (where m.status in ${held}) as held,
        count(m.id) filter (where m.status not in ${held})::int as planned
      from targets tg
      left join meetings m on m.tenant_id = tg.tenant_id and m.org_id = tg.org_id and m.type = tg.type
        and m.held_on between tg.starts_on and tg.ends_on
      group by tg.tenant_id, tg.org_id, tg.org_name, tg.branch_id, tg.branch_name, tg.type, tg.starts_on, tg.ends_on)
    select org_id as "orgId", org_name as "orgName", branch_id as "branchId", branch_name as "branchName", type,
      ends_on::text as "dueOn", planned
    from counted where held = 0
    order by ends_on, branch_name, org_name, type`,
  );
  return rows.map((r) => ({
    kind: 'meetingDue',
    orgId: r.orgId,
    orgName: r.orgName,
    branchId: r.branchId,
    branchName: r.branchName,
    meetingType: r.type,
    title: say(actor, {
      zh: `${r.orgName}：本期${meetingTypeLabels[r.type as MeetingType]}尚未召开`,
      en: `${r.orgName}: no ${meetingTypeNamesEn[r.type as MeetingType]} held yet this period`,
    }),
    counts: { held: 0, planned: r.planned },
    dueOn: r.dueOn,
    link: `/meetings?orgId=${r.orgId}&type=${r.type}`,
  }));
}

type BranchCountRow = { branchId: string; branchName: string; n: number; oldest: string };

/** Absentees (absent or on leave) of held meetings in the branch's subtree with no make-up yet. */
async function makeupsOpen(tx: Tx, actor: Actor): Promise<Todo[]> {
  const rows = await selectRows<BranchCountRow>(
    tx,
    sql`
    with br as (${branchesOf(actor)})
    select br.id as "branchId", br.name as "branchName", count(*)::int as n, min(m.held_on)::text as oldest
    from br
    join orgs o on o.tenant_id = br.tenant_id and o.path like br.path || '%'
    join meetings m on m.tenant_id = o.tenant_id and m.org_id = o.id and m.status in ${held}
    join attendance a on a.tenant_id = m.tenant_id and a.meeting_id = m.id
    where a.status in ('absent', 'leave') and a.makeup_on is null
    group by br.id, br.name
    order by min(m.held_on), br.name`,
  );
  return rows.map((r) => ({
    kind: 'makeupsOpen',
    orgId: r.branchId,
    orgName: r.branchName,
    branchId: r.branchId,
    branchName: r.branchName,
    meetingType: null,
    title: say(actor, {
      zh: `${r.branchName}：${r.n}人次缺席待补课`,
      en: `${r.branchName}: ${r.n} absences awaiting a make-up`,
    }),
    counts: { open: r.n },
    dueOn: addDays(r.oldest, MAKEUP_DAYS),
    link: `/meetings/makeups?orgId=${r.branchId}`,
  }));
}

/** Thought reports submitted to the branch and not yet read. */
async function reportsUnread(tx: Tx, actor: Actor): Promise<Todo[]> {
  const rows = await selectRows<BranchCountRow>(
    tx,
    sql`
    with br as (${branchesOf(actor)})
    select br.id as "branchId", br.name as "branchName", count(*)::int as n, min(r.submitted_on)::text as oldest
    from br join thought_reports r on r.tenant_id = br.tenant_id and r.org_id = br.id
    where r.read_at is null
    group by br.id, br.name
    order by min(r.submitted_on), br.name`,
  );
  return rows.map((r) => ({
    kind: 'reportsUnread',
    orgId: r.branchId,
    orgName: r.branchName,
    branchId: r.branchId,
    branchName: r.branchName,
    meetingType: null,
    title: say(actor, {
      zh: `${r.branchName}：${r.n}份思想汇报未阅`,
      en: `${r.branchName}: ${r.n} thought reports unread`,
    }),
    counts: { unread: r.n },
    dueOn: r.oldest,
    link: `/reports?orgId=${r.branchId}&unread=1`,
  }));
}

/** Meetings planned or notified for a day already past and never marked held. */
async function plannedOverdue(tx: Tx, actor: Actor, today: string): Promise<Todo[]> {
  const rows = await selectRows<BranchCountRow>(
    tx,
    sql`
    with br as (${branchesOf(actor)})
    select br.id as "branchId", br.name as "branchName", count(*)::int as n, min(m.held_on)::text as oldest
    from br
    join orgs o on o.tenant_id = br.tenant_id and o.path like br.path || '%'
    join meetings m on m.tenant_id = o.tenant_id and m.org_id = o.id
    where m.status in ('planned', 'notified') and m.held_on < ${today}::date
    group by br.id, br.name
    order by min(m.held_on), br.name`,
  );
  return rows.map((r) => ({
    kind: 'plannedOverdue',
    orgId: r.branchId,
    orgName: r.branchName,
    branchId: r.branchId,
    branchName: r.branchName,
    meetingType: null,
    title: say(actor, {
      zh: `${r.branchName}：${r.n}次计划会议已过期未召开`,
      en: `${r.branchName}: ${r.n} planned meetings past their day and not held`,
    }),
    counts: { overdue: r.n },
    dueOn: r.oldest,
    link: `/meetings?orgId=${r.branchId}&status=planned`,
  }));
}

export async function listTodos(tx: Tx, options: { actor: Actor; today: string }): Promise<Todo[]> {
  const { actor, today } = options;
  const parts = await Promise.all([
    plannedOverdue(tx, actor, today),
    makeupsOpen(tx, actor),
    meetingsDue(tx, actor, today),
    reportsUnread(tx, actor),
  ]);
  return parts.flat();
}
