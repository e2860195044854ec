/**
 * Two years of organizational life for the demo university: 三会一课, theme days, organizational-
 * life meetings and the colleges' leadership meetings, with attendance drawn from who belonged to
 * the org on the day. A few imperfections are planted on purpose (`Imperfection`), so compliance
 * checks have something true to find; everything else is kept clean for the same checks.
 *
 * Pure: it reads only the document drawn so far, `asOf` and its own random stream.
 */
import type { AttendanceStatus, MeetingType } from '../../domain/vocabulary.ts';
import { addDays } from './dates.ts';
import { leaveReasons, makeupContents, meetingTitles, themeDayPlace } from './meeting-topics.ts';
import { createRandom, type Random } from './random.ts';

export type Imperfection =
  /** LIFE-01: no general assembly in this quarter (`YYYY-Qn`). */
  | { kind: 'skippedGeneralAssembly'; org: string; quarter: string }
  /** LIFE-05: the person who was secretary all year gave no Party lecture that year. */
  | { kind: 'secretaryWithoutLecture'; org: string; year: number; secretary: string }
  /** LIFE-11: an absence never made up. */
  | { kind: 'absenceWithoutMakeup'; meeting: string; person: string }
  /** LIFE-13: absent from everything, with no reason, since `since` (seven months and more). */
  | { kind: 'noOrganizationalLife'; org: string; person: string; since: string }
  /** LIFE-06: no theme day in these months (`YYYY-MM`). */
  | { kind: 'missingThemeDays'; org: string; months: string[] }
  /** LIFE-12: a recorded meeting without minutes. */
  | { kind: 'meetingWithoutMinutes'; meeting: string };

type Org = {
  code: string;
  parent: string | null;
  kind: string;
  name: string;
  branchCategory?: string | null;
  validFrom?: string;
};
type Interval = {
  person: string;
  org: string;
  group?: string | null;
  status: string;
  from: string;
  to?: string | null;
};
type Seat = { role: string; person: string; from: string; to?: string | null };
type Term = { org: string; positions?: Seat[] };
type Person = { code: string; personCategory: string; leadingCadre?: boolean };

export type DemoAttendance = {
  person: string;
  status: AttendanceStatus;
  reason?: string;
  makeupOn?: string;
  makeupContent?: string;
};
export type DemoMeeting = {
  code: string;
  org: string;
  type: MeetingType;
  heldOn: string;
  startTime: string;
  endTime: string;
  title: string;
  lecturer: string | null;
  place: string;
  audience: 'branch' | 'group' | 'committee' | 'leadership';
  status: 'planned' | 'recorded';
  minutes: boolean;
  attendance: DemoAttendance[];
};

/** How many months of history before the as-of month. */
export const HISTORY_MONTHS = 24;
/** Absences are made up within this many days (LIFE-11's `makeupDays`). */
const MAKEUP_WITHIN = 25;
const LAPSED_MONTHS = 7;

const abbreviation: Partial<Record<MeetingType, string>> = {
  generalAssembly: 'ga',
  committeeMeeting: 'cm',
  groupMeeting: 'gm',
  partyLecture: 'pl',
  themeDay: 'td',
  lifeMeeting: 'lm',
  studyGroupSession: 'sg',
  leadershipLifeMeeting: 'll',
};

/** Where each planted imperfection goes: the first candidate that fits (the demo's shape may vary). */
const PLANT = {
  skippedGeneralAssembly: ['b-info-t1', 'b-econ-t1', 'b-arch-t1'],
  secretaryWithoutLecture: ['b-health-t1', 'b-mech-t2', 'b-arch-t1', 'b-off-academic', 'b-marx'],
  missingThemeDays: ['b-arch-s1', 'b-econ-s2', 'b-health-s2'],
  noOrganizationalLife: ['b-svc-1', 'b-off-student', 'b-off-academic', 'b-basic'],
  absenceWithoutMakeup: ['b-mech-s2', 'b-econ-s1', 'b-health-s1'],
};

// ——— Month arithmetic on `YYYY-MM` ———
export const monthOf = (date: string) => date.slice(0, 7);
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
const daysIn = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
export const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;

/** The months of history: the 24 before the as-of month, and the as-of month itself (days before asOf). */
export function historyMonths(asOf: string): string[] {
  return Array.from({ length: HISTORY_MONTHS + 1 }, (_, i) => addMonths(monthOf(asOf), i - HISTORY_MONTHS));
}

type Slot = { start: string; end: string; weekdays: number[] };
const slots: Record<string, Slot> = {
  teacher: { start: '14:30', end: '16:30', weekdays: [3, 4] },
  student: { start: '19:00', end: '20:30', weekdays: [2, 3, 4] },
  mixed: { start: '18:30', end: '20:00', weekdays: [2, 4] },
  office: { start: '16:00', end: '17:30', weekdays: [3, 5] },
  service: { start: '16:30', end: '18:00', weekdays: [2, 4] },
  retired: { start: '09:30', end: '11:00', weekdays: [2] },
  leadership: { start: '08:30', end: '11:30', weekdays: [1, 3] },
};

export function drawMeetings(input: {
  asOf: string;
  seed: number;
  orgs: Org[];
  people: Person[];
  memberships: Interval[];
  terms: Term[];
}): { meetings: DemoMeeting[]; imperfections: Imperfection[] } {
  const { asOf } = input;
  // Its own stream: adding meetings leaves the rest of the demo as it was for the same seed.
  const random = createRandom(input.seed * 7919 + 101);
  const months = historyMonths(asOf);
  const windowStart = `${months[0]}-01`;
  const orgByCode = new Map(input.orgs.map((o) => [o.code, o]));
  const personByCode = new Map(input.people.map((p) => [p.code, p]));
  const branches = input.orgs.filter((o) => o.kind === 'branch');
  const groupsOf = (branch: string) => input.orgs.filter((o) => o.kind === 'group' && o.parent === branch);
  const colleges = input.orgs.filter((o) => o.kind === 'college');

  const intervalsByOrg = new Map<string, Interval[]>();
  for (const m of input.memberships) {
    for (const key of [m.org, m.group]) {
      if (!key) continue;
      const list = intervalsByOrg.get(key) ?? [];
      list.push(m);
      intervalsByOrg.set(key, list);
    }
  }
  const covers = (from: string, to: string | null | undefined, on: string) => from <= on && (!to || to > on);
  const membersOn = (org: string, on: string) =>
    [...new Set((intervalsByOrg.get(org) ?? []).filter((m) => covers(m.from, m.to, on)).map((m) => m.person))].sort();
  const fullMembersOn = (org: string, on: string) =>
    (intervalsByOrg.get(org) ?? []).filter((m) => m.status === 'full' && covers(m.from, m.to, on)).map((m) => m.person);
  const seatsOn = (org: string, on: string) =>
    input.terms
      .filter((t) => t.org === org)
      .flatMap((t) => t.positions ?? [])
      .filter((s) => covers(s.from, s.to, on));
  const holderOn = (org: string, role: string, on: string) => seatsOn(org, on).find((s) => s.role === role)?.person;
  const existsOn = (org: string, on: string) => (orgByCode.get(org)?.validFrom ?? '0000') <= on;

  const lastFullQuarterEnd = `${addMonths(monthOf(asOf), -((Number(asOf.slice(5, 7)) - 1) % 3) - 1)}`;
  const fullQuarters = [...new Set(months.filter((m) => m <= lastFullQuarterEnd).map((m) => quarterOf(`${m}-01`)))];
  const quarterIsWhole = (q: string) => months.filter((m) => quarterOf(`${m}-01`) === q).length === 3;
  const fullYear = Number(asOf.slice(0, 4)) - 1;

  // ——— Where the imperfections go (decided before drawing, so the rest stays clean) ———
  const used = new Set<string>();
  const choose = (candidates: string[], fits: (org: string) => boolean) => {
    const found =
      candidates.find((c) => orgByCode.has(c) && !used.has(c) && fits(c)) ??
      branches.map((b) => b.code).find((c) => !used.has(c) && fits(c));
    if (!found) throw new Error('the demo has no branch for a planted imperfection');
    used.add(found);
    return found;
  };
  const skipQuarter = fullQuarters.filter(quarterIsWhole)[2] ?? fullQuarters.filter(quarterIsWhole)[0];
  const skipAssembly = {
    org: choose(PLANT.skippedGeneralAssembly, (c) => existsOn(c, windowStart)),
    quarter: skipQuarter,
  };
  const yearSecretary = (org: string) => {
    const seat = input.terms
      .filter((t) => t.org === org)
      .flatMap((t) => t.positions ?? [])
      .find((s) => s.role === 'secretary' && s.from <= `${fullYear}-01-01` && (!s.to || s.to > `${fullYear}-12-31`));
    return seat?.person;
  };
  const silentSecretaryOrg = choose(PLANT.secretaryWithoutLecture, (c) => Boolean(yearSecretary(c)));
  const silentSecretary = {
    org: silentSecretaryOrg,
    year: fullYear,
    secretary: yearSecretary(silentSecretaryOrg) as string,
  };
  const themeGap = {
    org: choose(PLANT.missingThemeDays, (c) => existsOn(c, windowStart)),
    months: [months[4], months[5]],
  };
  const since = `${addMonths(monthOf(asOf), -LAPSED_MONTHS)}-01`;
  const seatHolders = new Set(input.terms.flatMap((t) => (t.positions ?? []).map((s) => s.person)));
  const lapsedCandidate = (org: string) =>
    (intervalsByOrg.get(org) ?? [])
      .filter((m) => m.org === org && m.status === 'full' && m.from <= addDays(since, -60) && !m.to)
      .map((m) => m.person)
      .filter((p) => !seatHolders.has(p) && !personByCode.get(p)?.leadingCadre)
      .sort()[0];
  const lapsedOrg = choose(PLANT.noOrganizationalLife, (c) => Boolean(lapsedCandidate(c)));
  const lapsed = { org: lapsedOrg, person: lapsedCandidate(lapsedOrg) as string, since };
  const makeupGapOrgs = PLANT.absenceWithoutMakeup.filter((c) => orgByCode.has(c) && !used.has(c));

  // ——— The meetings, without attendance yet ———
  type Draft = Omit<DemoMeeting, 'attendance'> & { expected: string[] };
  const drafts: Draft[] = [];
  const dayIn = (month: string, weekdays: number[], org: string, planned = false): string | null => {
    const days: string[] = [];
    for (let d = 1; d <= daysIn(month); d++) {
      const date = `${month}-${String(d).padStart(2, '0')}`;
      if (!weekdays.includes(weekday(date))) continue;
      if (planned ? date <= asOf : date >= asOf) continue;
      if (!existsOn(org, date)) continue;
      days.push(date);
    }
    return days.length ? random.pick(days) : null;
  };
  const homeRoom = new Map<string, string>();
  const roomOf = (org: Org) => {
    if (!homeRoom.has(org.code)) {
      const college = org.parent ? orgByCode.get(org.parent) : undefined;
      const building =
        org.branchCategory === 'retired'
          ? '老干部活动中心'
          : college?.kind === 'college'
            ? college.name.includes('机关')
              ? '行政楼'
              : `${college.name.replace(/学院(党委|党总支)$/, '')}楼`
            : '综合楼';
      const room = org.branchCategory === 'retired' ? '' : `${random.int(1, 5)}0${random.int(1, 9)}`;
      homeRoom.set(org.code, `${building}${room}党员活动室`);
    }
    return homeRoom.get(org.code) as string;
  };
  const add = (
    org: Org,
    type: MeetingType,
    heldOn: string,
    details: {
      title: string;
      lecturer: string | null;
      audience: Draft['audience'];
      expected: string[];
      place?: string;
    },
    planned = false,
  ) => {
    const slot =
      details.audience === 'leadership' ? slots.leadership : (slots[org.branchCategory ?? 'teacher'] ?? slots.teacher);
    drafts.push({
      code: `m-${heldOn.slice(0, 4)}${heldOn.slice(5, 7)}-${org.code}-${abbreviation[type]}`,
      org: org.code,
      type,
      heldOn,
      startTime: slot.start,
      endTime: slot.end,
      title: details.title,
      lecturer: details.lecturer,
      place: details.place ?? roomOf(org),
      audience: details.audience,
      status: planned ? 'planned' : 'recorded',
      minutes: !planned,
      expected: planned ? [] : details.expected,
    });
  };

  for (const branch of branches) {
    const slot = slots[branch.branchCategory ?? 'teacher'] ?? slots.teacher;
    const byQuarter = new Map<string, string[]>();
    for (const month of months) {
      const q = quarterOf(`${month}-01`);
      byQuarter.set(q, [...(byQuarter.get(q) ?? []), month]);
    }
    const lecturesThisYear = new Map<number, { date: string; secretary: string }[]>();
    const lectureDates: string[] = [];
    for (const [quarter, quarterMonths] of byQuarter) {
      // General assembly: once a quarter.
      const assemblyMonth = random.pick(quarterMonths);
      const assemblyOn = dayIn(assemblyMonth, slot.weekdays, branch.code);
      const skipped = branch.code === skipAssembly.org && quarter === skipAssembly.quarter;
      if (assemblyOn && !skipped)
        add(branch, 'generalAssembly', assemblyOn, {
          title: meetingTitles.generalAssembly(random, assemblyOn),
          lecturer: holderOn(branch.code, 'secretary', assemblyOn) ?? null,
          audience: 'branch',
          expected: membersOn(branch.code, assemblyOn),
        });
      // Party lecture: once a quarter, in another month where the quarter allows.
      const others = quarterMonths.filter((m) => m !== assemblyMonth);
      const lectureOn = dayIn(random.pick(others.length ? others : quarterMonths), slot.weekdays, branch.code);
      if (lectureOn) {
        lectureDates.push(lectureOn);
        const secretary = holderOn(branch.code, 'secretary', lectureOn);
        if (secretary) {
          const year = Number(lectureOn.slice(0, 4));
          lecturesThisYear.set(year, [...(lecturesThisYear.get(year) ?? []), { date: lectureOn, secretary }]);
        }
      }
    }
    // One lecture a year is the secretary's own (the last one of the year that has a secretary).
    const bySecretary = new Set<string>();
    for (const [year, list] of lecturesThisYear) {
      if (branch.code === silentSecretary.org && year === silentSecretary.year) continue;
      bySecretary.add(list[list.length - 1].date);
    }
    for (const on of lectureDates) {
      const secretary = holderOn(branch.code, 'secretary', on);
      const own = bySecretary.has(on);
      const speakers = fullMembersOn(branch.code, on)
        .filter((p) => p !== secretary && p !== lapsed.person && p !== silentSecretary.secretary)
        .filter((p) => personByCode.get(p)?.personCategory !== 'student')
        .sort();
      const committee = seatsOn(branch.code, on)
        .map((s) => s.person)
        .filter((p) => speakers.includes(p));
      const lecturer = own
        ? (secretary as string)
        : committee.length
          ? random.pick(committee)
          : speakers.length
            ? random.pick(speakers)
            : null;
      add(branch, 'partyLecture', on, {
        title: meetingTitles.partyLecture(random, own),
        lecturer,
        audience: 'branch',
        expected: membersOn(branch.code, on),
      });
    }

    for (const month of months) {
      // Committee meeting: monthly, while the branch has a committee.
      const committeeOn = dayIn(month, slot.weekdays, branch.code);
      if (committeeOn) {
        const seats = seatsOn(branch.code, committeeOn).filter((s) => s.role !== 'groupLeader');
        if (seats.length > 1)
          add(branch, 'committeeMeeting', committeeOn, {
            title: meetingTitles.committeeMeeting(random),
            lecturer: holderOn(branch.code, 'secretary', committeeOn) ?? null,
            audience: 'committee',
            expected: [...new Set(seats.map((s) => s.person))].filter((p) =>
              membersOn(branch.code, committeeOn).includes(p),
            ),
          });
      }
      // Theme day: monthly.
      const themeOn = dayIn(month, [...new Set([...slot.weekdays, 5, 6])], branch.code);
      if (themeOn && !(branch.code === themeGap.org && themeGap.months.includes(month)))
        add(branch, 'themeDay', themeOn, {
          title: meetingTitles.themeDay(random, themeOn),
          lecturer: holderOn(branch.code, 'secretary', themeOn) ?? null,
          audience: 'branch',
          expected: membersOn(branch.code, themeOn),
          place: random.chance(0.5) ? themeDayPlace(random) : undefined,
        });
      // Group meetings: monthly in every group.
      for (const group of groupsOf(branch.code)) {
        const groupOn = dayIn(month, slot.weekdays, group.code);
        if (!groupOn) continue;
        const expected = membersOn(group.code, groupOn);
        if (expected.length === 0) continue;
        add(group, 'groupMeeting', groupOn, {
          title: meetingTitles.groupMeeting(random, groupOn),
          lecturer: holderOn(group.code, 'groupLeader', groupOn) ?? null,
          audience: 'group',
          expected,
        });
      }
      // Organizational-life meeting: every January, on the year before.
      if (month.endsWith('-01')) {
        const lifeOn = dayIn(month, slot.weekdays, branch.code);
        if (lifeOn)
          add(branch, 'lifeMeeting', lifeOn, {
            title: meetingTitles.lifeMeeting(Number(month.slice(0, 4)) - 1),
            lecturer: holderOn(branch.code, 'secretary', lifeOn) ?? null,
            audience: 'branch',
            expected: membersOn(branch.code, lifeOn),
          });
      }
    }
  }

  // ——— Leadership of the colleges: study-group sessions monthly, democratic life meeting yearly ———
  for (const college of colleges) {
    for (const month of months) {
      const sessionOn = dayIn(month, slots.leadership.weekdays, college.code);
      const leaders = sessionOn ? seatsOn(college.code, sessionOn) : [];
      if (sessionOn && leaders.length > 1)
        add(college, 'studyGroupSession', sessionOn, {
          title: meetingTitles.studyGroupSession(random, sessionOn),
          lecturer: holderOn(college.code, 'secretary', sessionOn) ?? null,
          audience: 'leadership',
          expected: [...new Set(leaders.map((s) => s.person))].sort(),
        });
      if (!month.endsWith('-01')) continue;
      const lifeOn = dayIn(month, slots.leadership.weekdays, college.code);
      const team = lifeOn ? seatsOn(college.code, lifeOn) : [];
      if (lifeOn && team.length > 1)
        add(college, 'leadershipLifeMeeting', lifeOn, {
          title: meetingTitles.leadershipLifeMeeting(Number(month.slice(0, 4)) - 1),
          lecturer: holderOn(college.code, 'secretary', lifeOn) ?? null,
          audience: 'leadership',
          expected: [...new Set(team.map((s) => s.person))].sort(),
        });
    }
  }

  // ——— A few meetings planned for next month ———
  const nextMonth = addMonths(monthOf(asOf), 1);
  for (const branch of branches.filter((b) => ['b-mech-s1', 'b-mech-t1', 'b-info-s1', 'b-off-org'].includes(b.code))) {
    const slot = slots[branch.branchCategory ?? 'teacher'] ?? slots.teacher;
    for (const type of ['themeDay', 'partyLecture'] as const) {
      const on = dayIn(nextMonth, slot.weekdays, branch.code, true);
      if (!on) continue;
      const secretary = holderOn(branch.code, 'secretary', asOf) ?? null;
      add(
        branch,
        type,
        on,
        {
          title: type === 'themeDay' ? meetingTitles.themeDay(random, on) : meetingTitles.partyLecture(random, true),
          lecturer: secretary,
          audience: 'branch',
          expected: [],
        },
        true,
      );
    }
  }

  // ——— Attendance, in date order: nobody misses two meetings in a row (except the lapsed member) ———
  drafts.sort((a, b) => (a.heldOn === b.heldOn ? (a.code < b.code ? -1 : 1) : a.heldOn < b.heldOn ? -1 : 1));
  const missedLast = new Set<string>();
  const meetings: DemoMeeting[] = drafts.map(({ expected, ...draft }) => {
    const attendance = [...expected].sort().map((person): DemoAttendance => {
      if (person === lapsed.person && draft.heldOn >= lapsed.since) return { person, status: 'absent' };
      if (missedLast.has(person) || person === draft.lecturer) {
        missedLast.delete(person);
        return { person, status: 'present' };
      }
      const roll = random.next();
      if (roll >= 0.09) return { person, status: roll < 0.11 ? 'late' : 'present' };
      missedLast.add(person);
      const category = (personByCode.get(person)?.personCategory ?? 'staff') as keyof typeof leaveReasons;
      const row: DemoAttendance =
        roll < 0.06
          ? { person, status: 'leave', reason: random.pick(leaveReasons[category]) }
          : { person, status: 'absent' };
      const makeupOn = addDays(draft.heldOn, random.int(2, MAKEUP_WITHIN));
      // A make-up not done yet is still open, not missing.
      if (makeupOn < asOf) {
        row.makeupOn = makeupOn;
        row.makeupContent = random.pick(makeupContents);
      }
      return row;
    });
    return { ...draft, attendance };
  });

  // ——— Absences never made up, and a record without minutes ———
  const imperfections: Imperfection[] = [
    { kind: 'skippedGeneralAssembly', ...skipAssembly },
    { kind: 'secretaryWithoutLecture', ...silentSecretary },
    { kind: 'missingThemeDays', ...themeGap },
    { kind: 'noOrganizationalLife', ...lapsed },
  ];
  for (const org of makeupGapOrgs) {
    const meeting = meetings.find(
      (m) => m.org === org && m.type === 'generalAssembly' && m.attendance.some((a) => a.makeupOn),
    );
    const row = meeting?.attendance.find((a) => a.makeupOn);
    if (!meeting || !row) continue;
    delete row.makeupOn;
    delete row.makeupContent;
    imperfections.push({ kind: 'absenceWithoutMakeup', meeting: meeting.code, person: row.person });
  }
  const unminuted = meetings.find(
    (m) => m.status === 'recorded' && m.type === 'committeeMeeting' && m.heldOn >= `${fullYear}-01-01`,
  );
  if (unminuted) {
    unminuted.minutes = false;
    imperfections.push({ kind: 'meetingWithoutMinutes', meeting: unminuted.code });
  }
  return { meetings, imperfections };
}
