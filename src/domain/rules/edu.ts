/**
 * The EDU rules (education and training): yearly study hours of members (EDU-01) and of
 * secretaries and committee members (EDU-02), the rotation training of branch secretaries (EDU-03)
 * and the Party school's class for Party-affairs staff (EDU-04). Hours come from recorded credits
 * and from party lectures and general assemblies attended (see `src/db/facts/training.ts`).
 */
import { checkCount } from '../compliance/periodic.ts';
import type { Bilingual, FindingDraft, Rule, RuleContext } from '../compliance/types.ts';
import { daysBetween, daysLeft, type Period, periodLabel, validOn, warningWindowDays } from '../periods.ts';
import {
  daysCovered,
  type EduFacts,
  formatHours,
  hoursRequired,
  type LeadershipSeat,
  studyByPerson,
  type YearStudy,
} from './edu-facts.ts';

const hoursParam = (value: number) => ({
  type: 'number' as const,
  default: value,
  min: 0,
  stricter: 'higher' as const,
  label: { zh: '学时', en: 'hours' },
  unit: { zh: '学时', en: 'hours' },
});

/** The day a year's membership and seats are judged on: its last day, or today in the open year. */
const referenceDay = (period: Period, asOf: string) => (period.state === 'closed' ? period.to : asOf);

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

const noStudy: YearStudy = {
  hours: 0,
  concentrated: 0,
  rotation: 0,
  byKind: { partySchool: 0, rotation: 0, online: 0, other: 0, meeting: 0 },
};

function yearsOf(ctx: RuleContext<EduFacts>, tenantIds: Iterable<string>) {
  return [...new Set(tenantIds)].flatMap((tenantId) =>
    ctx.periods('year', tenantId).map((period) => ({ tenantId, period })),
  );
}

/** Whether an open year is at risk: within the warning window, or behind a steady pace. */
function atRisk(period: Period, asOf: string, hours: number, required: number) {
  const left = daysLeft(period, asOf);
  const elapsed = daysBetween(period.from, asOf) + 1;
  const length = daysBetween(period.from, period.to) + 1;
  return left <= warningWindowDays.year || hours < Math.floor((required * elapsed) / length);
}

type Shortfall = { hours: number; required: number; requirement: Bilingual; name: string };

/** “2025年张伟学习培训仅28学时（要求每年不少于32学时）” and its open-year warning. */
function hoursMessage(period: Period, asOf: string, s: Shortfall): Bilingual {
  const label = { zh: periodLabel(period.key, 'zh'), en: periodLabel(period.key, 'en') };
  const h = formatHours(s.hours);
  if (period.state === 'open') {
    const left = daysLeft(period, asOf);
    return {
      zh: `${label.zh}${s.name}已学习培训${h}学时，距年末还有${left}天（${s.requirement.zh}）`,
      en: `${s.name}: ${h} study hours so far in ${label.en}, ${left} days left (${s.requirement.en})`,
    };
  }
  return s.hours === 0
    ? {
        zh: `${label.zh}${s.name}未参加学习培训（${s.requirement.zh}）`,
        en: `${s.name}: no study hours in ${label.en} (${s.requirement.en})`,
      }
    : {
        zh: `${label.zh}${s.name}学习培训仅${h}学时（${s.requirement.zh}）`,
        en: `${s.name}: only ${h} study hours in ${label.en} (${s.requirement.en})`,
      };
}

const memberRequirement = (required: number): Bilingual => ({
  zh: `要求每年不少于${formatHours(required)}学时`,
  en: `required: at least ${formatHours(required)} hours a year`,
});

export const edu01: Rule<'training'> = {
  id: 'EDU-01',
  family: 'EDU',
  title: { zh: '党员每年集中学习培训不少于规定学时', en: 'Members study at least the required hours a year' },
  scope: 'member',
  period: 'year',
  params: { hours: hoursParam(32) },
  source: '002 任务6; 003 党员教育管理2',
  facts: 'training',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    const { facts } = ctx;
    const name = new Map(facts.people.map((p) => [p.id, p.name]));
    const byPerson = groupBy(facts.memberships, (m) => m.personId);
    const tenants = facts.memberships.map((m) => ctx.orgById.get(m.orgId)?.tenantId).filter((t): t is string => !!t);
    for (const { tenantId, period } of yearsOf(ctx, tenants)) {
      const study = studyByPerson(facts.credits, Number(period.key));
      const refDay = referenceDay(period, ctx.asOf);
      for (const [personId, rows] of byPerson) {
        const normal = rows.filter((m) => m.standing === 'normal');
        // Owed by members of the whole year: a member admitted mid-year owes from the next year.
        const atStart = normal.find((m) => validOn(m, period.from));
        const atRef = normal.find((m) => validOn(m, refDay));
        const org = atRef && ctx.orgById.get(atRef.orgId);
        if (!atStart || !org || org.tenantId !== tenantId) continue;
        const required = Number(ctx.params(org.id).hours);
        const hours = study.get(personId)?.hours ?? 0;
        if (hours >= required) continue;
        if (period.state === 'open' && !atRisk(period, ctx.asOf, hours, required)) continue;
        const personName = name.get(personId) ?? '';
        out.push({
          severity: period.state === 'closed' ? 'breach' : 'warning',
          orgId: org.id,
          personId,
          period: period.key,
          message: hoursMessage(period, ctx.asOf, {
            hours,
            required,
            name: personName,
            requirement: memberRequirement(required),
          }),
          evidence: [{ kind: 'person', id: personId, label: personName }],
          numbers: { hours, required },
        });
      }
    }
    return out;
  },
};

/** Seats held on some day of the year up to the reference day, by person. */
function seatsInYear(seats: LeadershipSeat[], period: Period, refDay: string) {
  const held = seats.filter(
    (s) => s.validFrom <= refDay && s.validFrom <= period.to && (s.validTo === null || s.validTo > period.from),
  );
  return groupBy(held, (s) => s.personId);
}

/** The seat a finding is placed at: the latest one taken. */
const latestSeat = (seats: LeadershipSeat[]) => seats.reduce((a, b) => (b.validFrom > a.validFrom ? b : a));

export const edu02: Rule<'training'> = {
  id: 'EDU-02',
  family: 'EDU',
  title: {
    zh: '党组织书记和班子成员每年至少参加1次集中培训、学习不少于规定学时',
    en: 'Secretaries and committee members attend concentrated training and study the required hours',
  },
  scope: 'person',
  period: 'year',
  params: {
    hours: hoursParam(56),
    memberHours: {
      ...hoursParam(32),
      label: { zh: '普通党员学时（按任职天数折算的起点）', en: 'member hours (the base of the proration)' },
    },
  },
  source: '002 任务6',
  facts: 'training',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    const { facts } = ctx;
    const name = new Map(facts.people.map((p) => [p.id, p.name]));
    const tenants = facts.seats.map((s) => ctx.orgById.get(s.orgId)?.tenantId).filter((t): t is string => !!t);
    for (const { tenantId, period } of yearsOf(ctx, tenants)) {
      const year = Number(period.key);
      const study = studyByPerson(facts.credits, year);
      const refDay = referenceDay(period, ctx.asOf);
      for (const [personId, seats] of seatsInYear(facts.seats, period, refDay)) {
        const org = ctx.orgById.get(latestSeat(seats).orgId);
        if (!org || org.tenantId !== tenantId) continue;
        const params = ctx.params(org.id);
        const leaderHours = Number(params.hours);
        const seatDays = daysCovered(seats, year);
        const required = hoursRequired({ year, seatDays, memberHours: Number(params.memberHours), leaderHours });
        const s = study.get(personId) ?? noStudy;
        const shortHours = s.hours < required;
        const noConcentrated = s.concentrated === 0;
        if (!shortHours && !noConcentrated) continue;
        if (period.state === 'open') {
          const hoursRisk = shortHours && atRisk(period, ctx.asOf, s.hours, required);
          const trainingRisk = noConcentrated && daysLeft(period, ctx.asOf) <= warningWindowDays.year;
          if (!hoursRisk && !trainingRisk) continue;
        }
        const personName = name.get(personId) ?? '';
        const label = { zh: periodLabel(period.key, 'zh'), en: periodLabel(period.key, 'en') };
        const fullYear = required >= leaderHours;
        const requirement: Bilingual = fullYear
          ? {
              zh: `党组织书记、委员要求每年不少于${formatHours(required)}学时`,
              en: `secretaries and committee members: at least ${formatHours(required)} hours a year`,
            }
          : {
              zh: `任党组织书记、委员${seatDays}天，按比例要求不少于${formatHours(required)}学时`,
              en: `in a secretary or committee seat ${seatDays} days of the year: at least ${formatHours(required)} hours, prorated`,
            };
        const parts: Bilingual[] = [];
        if (shortHours) {
          const m = hoursMessage(period, ctx.asOf, { hours: s.hours, required, name: personName, requirement });
          parts.push({ zh: m.zh, en: m.en });
        }
        if (noConcentrated) {
          const training = {
            zh: `未参加集中培训（党组织书记、委员要求每年至少1次）`,
            en: `no concentrated training in ${label.en} (required: at least 1 a year)`,
          };
          parts.push(
            shortHours
              ? training
              : { zh: `${label.zh}${personName}${training.zh}`, en: `${personName}: ${training.en}` },
          );
        }
        out.push({
          severity: period.state === 'closed' ? 'breach' : 'warning',
          orgId: org.id,
          personId,
          period: period.key,
          message: { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') },
          evidence: [{ kind: 'person', id: personId, label: personName }],
          numbers: { hours: s.hours, required, seatDays, concentrated: s.concentrated },
        });
      }
    }
    return out;
  },
};

export const edu03: Rule<'training'> = {
  id: 'EDU-03',
  family: 'EDU',
  title: { zh: '党支部书记每年参加集中轮训', en: 'Every branch secretary attends the annual rotation training' },
  scope: 'person',
  period: 'year',
  params: {},
  source: '003 工作保障4; 000 (一)1',
  facts: 'training',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    const { facts } = ctx;
    const name = new Map(facts.people.map((p) => [p.id, p.name]));
    const secretaries = facts.seats.filter((s) => s.role === 'secretary' && s.orgKind === 'branch');
    const tenants = secretaries.map((s) => ctx.orgById.get(s.orgId)?.tenantId).filter((t): t is string => !!t);
    for (const { tenantId, period } of yearsOf(ctx, tenants)) {
      const study = studyByPerson(facts.credits, Number(period.key));
      for (const [personId, seats] of seatsInYear(secretaries, period, referenceDay(period, ctx.asOf))) {
        const org = ctx.orgById.get(latestSeat(seats).orgId);
        if (!org || org.tenantId !== tenantId) continue;
        const personName = name.get(personId) ?? '';
        const finding = checkCount({
          period,
          asOf: ctx.asOf,
          orgId: org.id,
          personId,
          count: study.get(personId)?.rotation ?? 0,
          min: 1,
          what: { zh: '党支部书记轮训', en: 'rotation training for branch secretaries' },
          verbZh: '参加',
          subject: { zh: personName, en: personName },
          evidence: [{ kind: 'person', id: personId, label: personName }],
        });
        if (finding) out.push(finding);
      }
    }
    return out;
  },
};

export const edu04: Rule<'training'> = {
  id: 'EDU-04',
  family: 'EDU',
  title: {
    zh: '学校党校每年举办党务干部培训班',
    en: 'The Party school runs a training class for Party-affairs staff every year',
  },
  scope: 'university',
  period: 'year',
  params: {},
  source: '000 (一)1',
  facts: 'training',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const university of ctx.core.universities) {
      const root = ctx.orgById.get(university.tenantId);
      if (!root) continue; // a subtree evaluation does not judge the university
      for (const period of ctx.periods('year', university.tenantId)) {
        const classes = ctx.facts.sessions.filter(
          (s) =>
            s.tenantId === university.tenantId &&
            s.kind === 'partySchool' &&
            s.audience === 'partyAffairsStaff' &&
            s.startsOn >= period.from &&
            s.startsOn <= period.to,
        );
        const finding = checkCount({
          period,
          asOf: ctx.asOf,
          orgId: root.id,
          count: classes.length,
          min: 1,
          what: { zh: '党务干部培训班', en: 'training class for Party-affairs staff' },
          verbZh: '举办',
        });
        if (finding) out.push(finding);
      }
    }
    return out;
  },
};

export const eduRules: Rule[] = [edu01, edu02, edu03, edu04] as Rule[];
