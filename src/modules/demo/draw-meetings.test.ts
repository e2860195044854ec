import { describe, expect, it } from 'vitest';
import { validateDataset } from '../dataset/validate-dataset.ts';
import { addDays } from './dates.ts';
import { addMonths, historyMonths, type Imperfection, monthOf, quarterOf } from './draw-meetings.ts';
import { generateDemoWorld } from './generate-demo-dataset.ts';

function world(asOf: string, seed: number) {
  const { document, imperfections } = generateDemoWorld({ asOf, seed });
  const validation = validateDataset(document);
  if (!validation.ok) throw new Error(`demo dataset is invalid: ${JSON.stringify(validation.issues.slice(0, 10))}`);
  return { doc: validation.dataset, imperfections };
}

const planted = <K extends Imperfection['kind']>(list: { kind: string }[], kind: K) =>
  list.filter((i): i is Extract<Imperfection, { kind: K }> => i.kind === kind);

describe('demo organizational life', () => {
  it('is the same for the same day and seed, with the same imperfections', () => {
    const a = generateDemoWorld({ asOf: '2026-11-23', seed: 1 });
    const b = generateDemoWorld({ asOf: '2026-11-23', seed: 1 });
    expect(JSON.stringify(a.document.meetings)).toBe(JSON.stringify(b.document.meetings));
    expect(a.imperfections).toEqual(b.imperfections);
    expect(JSON.stringify(generateDemoWorld({ asOf: '2026-11-23', seed: 2 }).document.meetings)).not.toBe(
      JSON.stringify(a.document.meetings),
    );
  });

  describe.each([
    ['2026-11-23', 1],
    ['2025-03-01', 7],
    ['2024-07-15', 42],
  ])('as of %s, seed %i', (asOf, seed) => {
    const { doc, imperfections } = world(asOf, seed);
    const branches = doc.orgs.filter((o) => o.kind === 'branch');
    const recorded = doc.meetings.filter((m) => m.status === 'recorded');
    const months = historyMonths(asOf);
    const fullMonths = months.slice(0, -1);
    const existsFrom = (code: string) => doc.orgs.find((o) => o.code === code)?.validFrom ?? '';
    const covers = (from: string, to: string | null | undefined, on: string) => from <= on && (!to || to > on);
    const lapsed = planted(imperfections, 'noOrganizationalLife')[0];

    it('plants every documented imperfection exactly once (and several unmade make-ups)', () => {
      for (const kind of [
        'skippedGeneralAssembly',
        'secretaryWithoutLecture',
        'noOrganizationalLife',
        'missingThemeDays',
        'meetingWithoutMinutes',
      ] as const)
        expect(planted(imperfections, kind), kind).toHaveLength(1);
      expect(planted(imperfections, 'absenceWithoutMakeup').length).toBeGreaterThanOrEqual(2);
    });

    it('holds two years of meetings of every type, recorded before the as-of day, planned next month', () => {
      expect(recorded.every((m) => m.heldOn < asOf && m.heldOn >= `${months[0]}-01`)).toBe(true);
      for (const type of [
        'generalAssembly',
        'committeeMeeting',
        'groupMeeting',
        'partyLecture',
        'themeDay',
        'lifeMeeting',
        'studyGroupSession',
        'leadershipLifeMeeting',
      ])
        expect(
          recorded.some((m) => m.type === type),
          type,
        ).toBe(true);
      const planned = doc.meetings.filter((m) => m.status === 'planned');
      expect(planned.length).toBeGreaterThanOrEqual(3);
      for (const m of planned) {
        expect(monthOf(m.heldOn)).toBe(addMonths(monthOf(asOf), 1));
        expect(m.attendance).toEqual([]);
      }
      for (const m of recorded) {
        expect(m.startTime && m.endTime && m.startTime < m.endTime, m.code).toBe(true);
        expect(m.place, m.code).toBeTruthy();
      }
      expect(recorded.some((m) => m.title.includes('学习贯彻'))).toBe(true);
      expect(recorded.filter((m) => m.type === 'themeDay').every((m) => m.title.includes('主题党日'))).toBe(true);
    });

    it('takes attendance from the members of the org (or the committee) on the day', () => {
      for (const m of recorded.filter((_, i) => i % 7 === 0)) {
        const term = doc.terms.filter((t) => t.org === m.org).flatMap((t) => t.positions);
        for (const a of m.attendance) {
          const belongs =
            m.audience === 'committee' || m.audience === 'leadership'
              ? term.some((p) => p.person === a.person && covers(p.from, p.to, m.heldOn))
              : doc.memberships.some(
                  (ms) =>
                    ms.person === a.person &&
                    (ms.org === m.org || ms.group === m.org) &&
                    covers(ms.from, ms.to, m.heldOn),
                );
          expect(belongs, `${a.person} at ${m.code}`).toBe(true);
        }
      }
      const rows = recorded.flatMap((m) => m.attendance);
      const present = rows.filter((a) => a.status === 'present' || a.status === 'late').length / rows.length;
      expect(present).toBeGreaterThan(0.85);
      expect(present).toBeLessThan(0.97);
      expect(rows.filter((a) => a.status === 'leave').every((a) => a.reason)).toBe(true);
    });

    it('skips one general assembly in one quarter, and only there', () => {
      const lastFull = addMonths(monthOf(asOf), -((Number(asOf.slice(5, 7)) - 1) % 3) - 1);
      const quarters = [...new Set(fullMonths.map((m) => quarterOf(`${m}-01`)))].filter(
        (q) => months.filter((m) => quarterOf(`${m}-01`) === q && m <= lastFull).length === 3,
      );
      const missing = branches.flatMap((b) =>
        quarters
          .filter((q) => existsFrom(b.code) <= `${months.find((m) => quarterOf(`${m}-01`) === q)}-01`)
          .filter(
            (q) => !recorded.some((m) => m.org === b.code && m.type === 'generalAssembly' && quarterOf(m.heldOn) === q),
          )
          .map((quarter) => ({ kind: 'skippedGeneralAssembly', org: b.code, quarter })),
      );
      expect(missing).toEqual(planted(imperfections, 'skippedGeneralAssembly'));
    });

    it('misses theme days in two months of one branch only', () => {
      const missing = new Map<string, string[]>();
      for (const b of branches)
        for (const month of fullMonths.filter((m) => existsFrom(b.code) <= `${m}-01`))
          if (!recorded.some((m) => m.org === b.code && m.type === 'themeDay' && monthOf(m.heldOn) === month))
            missing.set(b.code, [...(missing.get(b.code) ?? []), month]);
      expect([...missing].map(([org, list]) => ({ kind: 'missingThemeDays', org, months: list }))).toEqual(
        planted(imperfections, 'missingThemeDays'),
      );
    });

    it('has one secretary without a Party lecture in a year; every other whole-year secretary gave one', () => {
      const year = Number(asOf.slice(0, 4)) - 1;
      const found = branches.flatMap((b) => {
        const seat = doc.terms
          .filter((t) => t.org === b.code)
          .flatMap((t) => t.positions)
          .find((p) => p.role === 'secretary' && p.from <= `${year}-01-01` && (!p.to || p.to > `${year}-12-31`));
        if (!seat) return [];
        const lectured = recorded.some(
          (m) =>
            m.org === b.code &&
            m.type === 'partyLecture' &&
            m.lecturer === seat.person &&
            m.heldOn.startsWith(`${year}`),
        );
        return lectured ? [] : [{ kind: 'secretaryWithoutLecture', org: b.code, year, secretary: seat.person }];
      });
      expect(found).toEqual(planted(imperfections, 'secretaryWithoutLecture'));
      expect(
        recorded.filter((m) => m.type === 'partyLecture' && m.title.startsWith('书记讲党课')).length,
      ).toBeGreaterThan(branches.length);
    });

    it('makes up absences within 30 days, except the planted ones and the lapsed member', () => {
      const unmade: { meeting: string; person: string }[] = [];
      for (const m of recorded)
        for (const a of m.attendance) {
          if (a.status !== 'absent' && a.status !== 'leave') continue;
          if (a.makeupOn) expect(a.makeupOn <= addDays(m.heldOn, 30) && a.makeupOn < asOf, m.code).toBe(true);
          else if (m.heldOn < addDays(asOf, -30) && !(a.person === lapsed.person && m.heldOn >= lapsed.since))
            unmade.push({ meeting: m.code, person: a.person });
        }
      const key = (u: { meeting: string; person: string }) => `${u.meeting} ${u.person}`;
      expect(unmade.map(key).sort()).toEqual(planted(imperfections, 'absenceWithoutMakeup').map(key).sort());
    });

    it('has one member absent from everything, without reason, for seven months; everyone else attends', () => {
      expect(lapsed.since <= addDays(asOf, -7 * 30)).toBe(true);
      const rows = recorded.flatMap((m) => m.attendance.map((a) => ({ ...a, on: m.heldOn })));
      const since = rows.filter((a) => a.person === lapsed.person && a.on >= lapsed.since);
      expect(since.length).toBeGreaterThanOrEqual(7);
      expect(since.every((a) => a.status === 'absent' && !a.reason && !a.makeupOn)).toBe(true);
      const lastPresent = new Map<string, string>();
      for (const a of rows)
        if ((a.status === 'present' || a.status === 'late') && a.on > (lastPresent.get(a.person) ?? ''))
          lastPresent.set(a.person, a.on);
      const longStanding = doc.memberships.filter((m) => !m.to && m.from <= addDays(asOf, -240));
      const idle = longStanding
        .filter((m) => (lastPresent.get(m.person) ?? '') < addDays(asOf, -90))
        .map((m) => m.person);
      expect(idle).toEqual([lapsed.person]);
    });

    it('keeps minutes of every recorded meeting but one', () => {
      expect(
        recorded.filter((m) => !m.minutes).map((m) => ({ kind: 'meetingWithoutMinutes', meeting: m.code })),
      ).toEqual(planted(imperfections, 'meetingWithoutMinutes'));
    });

    it('gives every group a meeting in every month it has members, and committee branches committee meetings', () => {
      const groups = doc.orgs.filter((o) => o.kind === 'group');
      expect(groups.length).toBeGreaterThan(0);
      for (const g of groups)
        for (const month of fullMonths) {
          const last = addDays(`${addMonths(month, 1)}-01`, -1);
          const staffed = doc.memberships.some(
            (m) => m.group === g.code && covers(m.from, m.to, `${month}-01`) && covers(m.from, m.to, last),
          );
          if (!staffed) continue;
          expect(
            recorded.some((m) => m.org === g.code && m.type === 'groupMeeting' && monthOf(m.heldOn) === month),
            `${g.code} ${month}`,
          ).toBe(true);
        }
      expect(recorded.filter((m) => m.type === 'committeeMeeting').length).toBeGreaterThan(100);
    });
  });
});
