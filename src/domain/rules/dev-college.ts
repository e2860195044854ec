/**
 * The DEV rules about a college-level organization's development work rather than one case:
 * the yearly activist pool analysis (DEV-11), admissions within the annual plan and without a rush
 * in one month (DEV-12), the student member ratio (DEV-13) and secretaries in contact with young
 * teachers who are activists (DEV-14). The per-case rules DEV-01 … DEV-10 live elsewhere.
 */
import { checkCount } from '../compliance/periodic.ts';
import type { Bilingual, FindingDraft, Rule, RuleContext } from '../compliance/types.ts';
import { addDays, coversPeriod, type Period, periodLabel } from '../periods.ts';
import {
  admissionsByMonth,
  ageOn,
  type DevCollegeYear,
  type DevPlanFacts,
  devCategoryNames,
  percent,
  planProgress,
} from './dev-college-facts.ts';

/** Each college-level org's years that are periods of the evaluation, with the period. */
function* collegeYears(ctx: RuleContext<DevPlanFacts>): Generator<{ y: DevCollegeYear; period: Period }> {
  for (const y of ctx.facts.years) {
    const org = ctx.orgById.get(y.orgId);
    if (!org) continue;
    const period = ctx.periods('year', org.tenantId).find((p) => p.key === String(y.year));
    if (period) yield { y, period };
  }
}

export const dev11: Rule<'devPlans'> = {
  id: 'DEV-11',
  family: 'DEV',
  title: {
    zh: '二级党组织每年对入党积极分子队伍状况作一次分析',
    en: 'The college-level organization analyses its activist pool once a year',
  },
  scope: 'college',
  period: 'year',
  params: {},
  source: '002 任务15',
  facts: 'devPlans',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const { y, period } of collegeYears(ctx)) {
      const org = ctx.orgById.get(y.orgId);
      // An org that did not exist for the whole year does not owe that year's analysis.
      if (!org || !coversPeriod(org, period)) continue;
      const finding = checkCount({
        period,
        asOf: ctx.asOf,
        orgId: y.orgId,
        count: y.analyses.length,
        min: 1,
        what: { zh: '入党积极分子队伍状况分析', en: 'activist pool analysis' },
        verbZh: '开展',
        evidence: [{ kind: 'org', id: y.orgId }],
      });
      // The analysis of a year may be held until 31 March of the next (the same window the API
      // accepts): until then a missing one is a to-do, not yet a breach.
      if (finding?.severity === 'breach' && ctx.asOf <= `${y.year + 1}-03-31`) finding.severity = 'warning';
      if (finding) out.push(finding);
    }
    return out;
  },
};

export const dev12: Rule<'devPlans'> = {
  id: 'DEV-12',
  family: 'DEV',
  title: {
    zh: '严格执行发展计划，不突击发展',
    en: 'Development follows the annual plan, without rush admissions',
  },
  scope: 'college',
  period: 'year',
  params: {
    maxMonthShare: {
      type: 'number',
      default: 0.4,
      min: 0,
      max: 1,
      stricter: 'lower',
      label: { zh: '单月发展人数占全年的最高比例', en: 'largest share of a year’s admissions in one month' },
    },
    minAdmissions: {
      type: 'integer',
      default: 5,
      min: 1,
      stricter: 'lower',
      label: {
        zh: '全年发展人数达到多少时检查单月集中发展',
        en: 'admissions in a year from which one month’s share is checked',
      },
      unit: { zh: '名', en: 'admissions' },
    },
  },
  source: '003 党员教育管理4',
  facts: 'devPlans',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const { y, period } of collegeYears(ctx)) {
      const total = y.admissions.length;
      if (total === 0) continue;
      const params = ctx.params(y.orgId);
      const maxMonthShare = Number(params.maxMonthShare);
      const minAdmissions = Number(params.minAdmissions);
      const parts: Bilingual[] = [];
      const numbers: Record<string, number | string | null> = { admitted: total };

      if (!y.plan) {
        parts.push({
          zh: `发展党员${total}名，未制定年度发展计划`,
          en: `${total} admitted without an annual development plan`,
        });
      } else {
        const planned = y.plan.lines.reduce((s, l) => s + l.quota, 0);
        numbers.planned = planned;
        const over = planProgress(y.plan.lines, y.admissions).filter((l) => l.admitted > l.quota);
        if (over.length) {
          const name = (orgId: string) => ctx.orgById.get(orgId)?.name ?? orgId;
          parts.push({
            zh: `超出发展计划：${over
              .map((l) => `${name(l.orgId)}${devCategoryNames[l.category].zh}${l.admitted}名（计划${l.quota}名）`)
              .join('、')}`,
            en: `over the plan: ${over
              .map((l) => `${name(l.orgId)} ${devCategoryNames[l.category].en} ${l.admitted} (plan ${l.quota})`)
              .join(', ')}`,
          });
        }
      }

      // The share of one month is known only when the year is over: mid-year, everything admitted
      // so far falls in the spring batch.
      if (period.state === 'closed' && total >= minAdmissions) {
        const months = admissionsByMonth(y.admissions);
        const most = Math.max(...months);
        if (most > maxMonthShare * total) {
          const month = months.indexOf(most) + 1;
          const key = `${y.year}-${String(month).padStart(2, '0')}`;
          numbers.month = key;
          numbers.inMonth = most;
          parts.push({
            zh: `${month}月集中发展${most}名，占全年${total}名的${percent(most / total)}（要求不超过${percent(maxMonthShare)}，不得突击发展）`,
            en: `${most} of ${total} admitted in ${key} (${percent(most / total)}; at most ${percent(maxMonthShare)}, no rush admissions)`,
          });
        }
      }
      if (parts.length === 0) continue;
      const label = { zh: periodLabel(period.key, 'zh'), en: periodLabel(period.key, 'en') };
      out.push({
        severity: period.state === 'closed' ? 'breach' : 'warning',
        orgId: y.orgId,
        period: period.key,
        message: {
          zh: `${label.zh}${parts.map((p) => p.zh).join('；')}`,
          en: `${label.en}: ${parts.map((p) => p.en).join('; ')}`,
        },
        evidence: [{ kind: 'org', id: y.orgId }, ...(y.plan ? [{ kind: 'plan' as const, id: y.plan.id }] : [])],
        numbers,
      });
    }
    return out;
  },
};

export const dev13: Rule<'devPlans'> = {
  id: 'DEV-13',
  family: 'DEV',
  title: {
    zh: '大学生党员比例保持在目标左右',
    en: 'Student members are about the target share of students',
  },
  scope: 'university',
  period: 'now',
  params: {
    targetRatio: {
      type: 'number',
      default: 0.05,
      min: 0,
      max: 1,
      stricter: 'higher',
      label: { zh: '学生党员占在校学生的目标比例', en: 'target share of student members among students' },
    },
    tolerance: {
      type: 'number',
      default: 0.01,
      min: 0,
      max: 1,
      stricter: 'lower',
      label: { zh: '允许偏离目标的幅度（比例）', en: 'allowed distance from the target (a share)' },
    },
  },
  source: '004 一',
  facts: 'devPlans',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    const asOfYear = Number(ctx.asOf.slice(0, 4));
    for (const u of ctx.core.universities) {
      if (!ctx.orgById.has(u.tenantId)) continue; // a subtree evaluation does not judge the university
      const params = ctx.params(u.tenantId);
      const target = Number(params.targetRatio);
      const tolerance = Number(params.tolerance);
      const members = ctx.facts.studentMembers.find((s) => s.tenantId === u.tenantId)?.count ?? 0;
      // The latest student headcount up to the evaluated year: the denominator changes once a year.
      const headcount = [...u.headcounts].filter((h) => h.year <= asOfYear).sort((a, b) => b.year - a.year)[0];
      if (!headcount || headcount.students <= 0) {
        out.push({
          severity: 'info',
          orgId: u.tenantId,
          period: null,
          message: {
            zh: `未登记在校学生人数，无法计算学生党员比例（学生党员${members}人）`,
            en: `no student headcount recorded, so the student member ratio cannot be computed (${members} student members)`,
          },
          evidence: [{ kind: 'org', id: u.tenantId }],
          numbers: { studentMembers: members, students: null, target },
        });
        continue;
      }
      const ratio = members / headcount.students;
      if (Math.abs(ratio - target) <= tolerance + 1e-12) continue;
      const below = ratio < target;
      out.push({
        severity: 'info',
        orgId: u.tenantId,
        period: null,
        message: {
          zh: `学生党员占在校学生的${percent(ratio)}（学生党员${members}人／${headcount.year}年在校学生${headcount.students}人），${below ? '低于' : '高于'}目标${percent(target)}左右（允许±${percent(tolerance)}）`,
          en: `student members are ${percent(ratio)} of students (${members} of ${headcount.students} in ${headcount.year}), ${below ? 'below' : 'above'} the target of about ${percent(target)} (±${percent(tolerance)})`,
        },
        evidence: [{ kind: 'org', id: u.tenantId }],
        numbers: { studentMembers: members, students: headcount.students, ratio: Number(ratio.toFixed(4)), target },
      });
    }
    return out;
  },
};

export const dev14: Rule<'devPlans'> = {
  id: 'DEV-14',
  family: 'DEV',
  title: {
    zh: '党总支书记、教师党支部书记常态化联系青年教师入党积极分子',
    en: 'College and teacher-branch secretaries are linked to young-teacher activists',
  },
  scope: 'college',
  period: 'now',
  params: {
    maxAge: {
      type: 'integer',
      default: 35,
      min: 18,
      max: 60,
      stricter: 'higher',
      label: { zh: '青年教师年龄上限（周岁，含）', en: 'a young teacher is at most this age' },
      unit: { zh: '周岁', en: 'years' },
    },
    graceDays: {
      type: 'integer',
      default: 30,
      min: 0,
      stricter: 'lower',
      label: { zh: '确定为积极分子后确定联系书记的期限', en: 'days after becoming an activist to assign a secretary' },
      unit: { zh: '天', en: 'days' },
    },
  },
  source: '003 党员教育管理5; 002 任务15',
  facts: 'devPlans',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    const secretariesOf = new Map(ctx.facts.secretaries.map((s) => [s.collegeId, s]));
    const byCollege = new Map<string, DevPlanFacts['staffActivists']>();
    for (const a of ctx.facts.staffActivists) {
      const params = ctx.params(a.collegeId);
      if (!a.birthDate || ageOn(a.birthDate, ctx.asOf) > Number(params.maxAge)) continue;
      const list = byCollege.get(a.collegeId) ?? [];
      list.push(a);
      byCollege.set(a.collegeId, list);
    }
    for (const [collegeId, activists] of byCollege) {
      if (!ctx.orgById.has(collegeId)) continue;
      const graceDays = Number(ctx.params(collegeId).graceDays);
      const seats = secretariesOf.get(collegeId);
      const eligible = new Set([...(seats?.collegeSecretaryIds ?? []), ...(seats?.teacherBranchSecretaryIds ?? [])]);
      // A new activist is given time to be assigned a secretary.
      const due = activists.filter((a) => !a.activistOn || addDays(a.activistOn, graceDays) < ctx.asOf);
      const unlinked = due.filter((a) => !a.contactSecretaryIds.some((id) => eligible.has(id)));
      const collegeSecretaries = seats?.collegeSecretaryIds ?? [];
      const collegeSecretaryIdle =
        due.length > 0 &&
        collegeSecretaries.length > 0 &&
        !activists.some((a) => a.contactSecretaryIds.some((id) => collegeSecretaries.includes(id)));
      const parts: Bilingual[] = [];
      if (unlinked.length)
        parts.push({
          zh: `${unlinked.length}名青年教师入党积极分子未确定联系的书记（${unlinked.map((a) => a.personName).join('、')}）`,
          en: `${unlinked.length} young-teacher activist(s) have no secretary in contact (${unlinked.map((a) => a.personCode).join(', ')})`,
        });
      if (collegeSecretaryIdle)
        parts.push({
          zh: '二级党组织书记未联系任何青年教师入党积极分子',
          en: 'the college-level secretary is in contact with no young-teacher activist',
        });
      if (parts.length === 0) continue;
      out.push({
        severity: 'breach',
        orgId: collegeId,
        period: null,
        message: { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') },
        evidence: [
          { kind: 'org', id: collegeId },
          ...unlinked.map((a) => ({ kind: 'person' as const, id: a.personId })),
        ],
        numbers: { youngTeacherActivists: activists.length, unlinked: unlinked.length },
      });
    }
    return out;
  },
};

export const devCollegeRules: Rule[] = [dev11, dev12, dev13, dev14] as Rule[];
