/**
 * The import of meeting records from Excel: every row checked against the file and the database
 * (one query per kind of code, never per row), every problem reported, and nothing written unless
 * all rows are good. Absentees and people on leave must be expected attendees of the org on the
 * day — the same derivation as the meetings module's (`expectedAttendees`) — so the meetings are
 * inserted first inside the transaction, checked, and the transaction is undone on any problem
 * (and always on a dry run). Everyone else expected is recorded present.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { attendance, meetings, orgs, people } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { insertMany } from '../dataset/bulk-insert.ts';
import { nextMeetingCode } from '../meetings/create-meeting.ts';
import { byMeeting, defaultAudience, expectedAttendees } from '../meetings/expected-attendees.ts';
import { type MeetingKey, meetingLabelOf } from './columns.ts';
import { type MeetingRow, type ParsedMeetingRow, parseMeetingRow, type RowIssue } from './parse-meeting-rows.ts';

export type ImportMeetingsOptions = {
  tenantId: string;
  rows: MeetingRow[];
  /** Whose write scope limits the orgs the file may name (the CLI passes an all-reaching actor). */
  actor: Actor;
  dryRun?: boolean;
  /** Today in Shanghai: records cannot be of later days. */
  today: string;
};

export type ImportMeetingsResult = { meetings: number; attendance: number; absent: number; leave: number };

/** Thrown inside the transaction to undo it: the rows had problems, or this was a dry run. */
export class MeetingImportRollback extends Error {
  constructor(
    readonly issues: RowIssue[],
    readonly result: ImportMeetingsResult,
  ) {
    super(issues.length ? 'meeting import rejected' : 'dry run');
  }
}

type OrgRow = { id: string; code: string; kind: string; path: string; validFrom: string; validTo: string | null };

/** Runs inside a transaction; throws `MeetingImportRollback` unless it wrote everything. */
export async function importMeetings(tx: Tx, options: ImportMeetingsOptions): Promise<ImportMeetingsResult> {
  const { tenantId, actor, today } = options;
  const issues: RowIssue[] = [];
  const parsed: ParsedMeetingRow[] = [];
  for (const row of options.rows) {
    const result = parseMeetingRow(row, today);
    issues.push(...result.issues);
    if (result.parsed) parsed.push(result.parsed);
  }
  const issue = (row: number, key: MeetingKey, reason: string) =>
    issues.push({ row, column: meetingLabelOf(key), reason });

  // ——— Codes: meetings, orgs (in the write scope only), people ———
  const givenCodes = parsed.map((r) => r.code).filter((c): c is string => c !== null);
  const firstRowOfCode = new Map<string, number>();
  for (const r of parsed) {
    if (!r.code) continue;
    const first = firstRowOfCode.get(r.code);
    if (first !== undefined) issue(r.row, 'code', `与第${first}行编号重复 / duplicates the code of row ${first}`);
    else firstRowOfCode.set(r.code, r.row);
  }
  const taken = new Set(
    givenCodes.length
      ? (
          await tx
            .select({ code: meetings.code })
            .from(meetings)
            .where(and(eq(meetings.tenantId, tenantId), inArray(meetings.code, [...new Set(givenCodes)])))
        ).map((m) => m.code)
      : [],
  );
  const orgCodes = [...new Set(parsed.map((r) => r.orgCode))];
  const orgByCode = new Map<string, OrgRow>(
    orgCodes.length
      ? (
          await tx
            .select({
              id: orgs.id,
              code: orgs.code,
              kind: orgs.kind,
              path: orgs.path,
              validFrom: orgs.validFrom,
              validTo: orgs.validTo,
            })
            .from(orgs)
            .where(
              and(
                eq(orgs.tenantId, tenantId),
                inArray(orgs.code, orgCodes),
                orgInScope(actor, 'write', orgs.tenantId, orgs.path),
              ),
            )
        ).map((o) => [o.code, o])
      : [],
  );
  const personCodes = [
    ...new Set(parsed.flatMap((r) => [...r.absentCodes, ...r.leaveCodes, ...(r.lecturerCode ? [r.lecturerCode] : [])])),
  ];
  const personByCode = new Map(
    personCodes.length
      ? (
          await tx
            .select({ id: people.id, code: people.code })
            .from(people)
            .where(and(eq(people.tenantId, tenantId), inArray(people.code, personCodes)))
        ).map((p) => [p.code, p.id])
      : [],
  );

  type Planned = { row: ParsedMeetingRow; org: OrgRow; id: string };
  const planned: Planned[] = [];
  for (const r of parsed) {
    const before = issues.length;
    if (r.code && taken.has(r.code)) issue(r.row, 'code', '编号已被使用 / this code is taken');
    const org = orgByCode.get(r.orgCode);
    if (!org)
      issue(r.row, 'orgCode', `组织编码 ${r.orgCode} 不存在或不在您的管理范围内 / unknown org code ${r.orgCode}`);
    else if (org.kind === 'university')
      issue(r.row, 'orgCode', '请填写党支部、党小组或学院的编码 / name a branch, group or college');
    else if (org.validFrom > r.heldOn || (org.validTo && org.validTo <= r.heldOn))
      issue(r.row, 'heldOn', `该组织在 ${r.heldOn} 尚未成立或已撤销 / the org did not exist on ${r.heldOn}`);
    if (r.lecturerCode && !personByCode.has(r.lecturerCode))
      issue(r.row, 'lecturerCode', `未知的人员编号 ${r.lecturerCode} / unknown person code ${r.lecturerCode}`);
    for (const key of ['absentCodes', 'leaveCodes'] as const) {
      const unknown = r[key].filter((c) => !personByCode.has(c));
      if (unknown.length)
        issue(r.row, key, `未知的人员编号 ${unknown.join('、')} / unknown person code(s) ${unknown.join(', ')}`);
    }
    if (org && issues.length === before) planned.push({ row: r, org, id: crypto.randomUUID() });
  }

  // ——— The meetings go in first, so expected attendees come from the one shared derivation ———
  const codes = await assignCodes(
    tx,
    tenantId,
    planned.map((p) => p.row),
  );
  await insertMany(
    tx,
    meetings,
    planned.map((p, i) => ({
      tenantId,
      id: p.id,
      code: codes[i],
      orgId: p.org.id,
      type: p.row.type,
      heldOn: p.row.heldOn,
      startTime: p.row.startTime,
      endTime: p.row.endTime,
      title: p.row.title,
      lecturerId: p.row.lecturerCode ? (personByCode.get(p.row.lecturerCode) as string) : null,
      place: p.row.place,
      audience: defaultAudience(p.row.type, p.org.kind),
      status: 'recorded',
      minutes: p.row.minutes,
    })),
  );
  const expected = byMeeting(await expectedAttendees(tx, { tenantId, meetingIds: planned.map((p) => p.id) }));
  const attendanceRows: { tenantId: string; meetingId: string; personId: string; status: string }[] = [];
  const result: ImportMeetingsResult = { meetings: planned.length, attendance: 0, absent: 0, leave: 0 };
  for (const p of planned) {
    const attendees = expected.get(p.id) ?? [];
    const expectedCodes = new Set(attendees.map((a) => a.code));
    for (const key of ['absentCodes', 'leaveCodes'] as const) {
      const strangers = p.row[key].filter((c) => !expectedCodes.has(c));
      if (strangers.length)
        issue(
          p.row.row,
          key,
          `${strangers.join('、')} 不是该组织 ${p.row.heldOn} 的应到人员 / not expected at this org on ${p.row.heldOn}`,
        );
    }
    const absent = new Set(p.row.absentCodes);
    const leave = new Set(p.row.leaveCodes);
    for (const a of attendees) {
      const status = absent.has(a.code) ? 'absent' : leave.has(a.code) ? 'leave' : 'present';
      if (status === 'absent') result.absent++;
      if (status === 'leave') result.leave++;
      attendanceRows.push({ tenantId, meetingId: p.id, personId: a.personId, status });
    }
  }
  result.attendance = attendanceRows.length;
  if (issues.length || options.dryRun) {
    issues.sort((a, b) => a.row - b.row);
    throw new MeetingImportRollback(
      issues,
      issues.length ? { meetings: 0, attendance: 0, absent: 0, leave: 0 } : result,
    );
  }
  await insertMany(tx, attendance, attendanceRows);

  for (const [i, p] of planned.entries())
    await recordAudit(tx, actor, {
      action: 'import',
      entity: 'meeting',
      entityId: p.id,
      tenantId,
      orgPath: p.org.path,
      after: {
        code: codes[i],
        org: p.org.code,
        type: p.row.type,
        heldOn: p.row.heldOn,
        title: p.row.title,
        absent: p.row.absentCodes,
        leave: p.row.leaveCodes,
        minutes: p.row.minutes,
      },
    });
  await recordAudit(tx, actor, {
    action: 'import',
    entity: 'meetingImport',
    entityId: null,
    tenantId,
    orgPath: commonPath(planned.map((p) => p.org.path)),
    after: result,
  });
  return result;
}

/** Given codes stay; blank ones get the next free codes of their year, in row order. */
async function assignCodes(tx: Tx, tenantId: string, rows: ParsedMeetingRow[]): Promise<string[]> {
  const next = new Map<string, number>();
  const codes: string[] = [];
  for (const r of rows) {
    if (r.code) {
      codes.push(r.code);
      continue;
    }
    const year = r.heldOn.slice(0, 4);
    if (!next.has(year)) next.set(year, Number((await nextMeetingCode(tx, tenantId, r.heldOn)).slice(7)));
    const n = next.get(year) as number;
    next.set(year, n + 1);
    codes.push(`m-${year}-${String(n).padStart(6, '0')}`);
  }
  // A given code that looks like a generated one may collide: the unique index refuses it (409).
  return codes;
}

/** The deepest org path above all of them, so the summary shows in the trail of that subtree. */
function commonPath(paths: string[]): string | null {
  if (paths.length === 0) return null;
  let prefix = paths[0];
  for (const p of paths)
    while (!p.startsWith(prefix)) prefix = prefix.slice(0, prefix.slice(0, -1).lastIndexOf('/') + 1);
  return prefix || null;
}
