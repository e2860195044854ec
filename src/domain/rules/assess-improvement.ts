/**
 * The improvement rules: each branch rectifies its problems and the superior verifies them
 * (ASSESS-03, 004 三.3), a weak branch is put under time-limited reorganization (ASSESS-04,
 * 003 组织生活7 and 制度机制7), and every branch is surveyed once a year (ASSESS-05, 六查六看).
 */
import type { Bilingual, FindingDraft, OrgNode, Rule, RuleContext } from '../compliance/types.ts';
import { addMonths, coversPeriod, daysLeft, type Period, periodLabel, validOn, warningWindowDays } from '../periods.ts';
import type { BranchStateFact, ImprovementFacts } from './improvement-facts.ts';

type Ctx = RuleContext<ImprovementFacts>;

/** Branches judged: live on the day, not temporary (their members' life is in their own branches). */
const standingBranches = (ctx: Ctx) => ctx.core.orgs.filter((o) => o.kind === 'branch' && !o.temporary);

/** Each branch that existed through a year of the evaluation, with the year. */
function* branchYears(ctx: Ctx): Generator<{ branch: OrgNode; period: Period; year: number }> {
  for (const branch of standingBranches(ctx)) {
    for (const period of ctx.periods('year', branch.tenantId)) {
      if (!coversPeriod(branch, period)) continue;
      // The open year is judged only near its end: rectifying and surveying take the whole year.
      if (period.state === 'open' && daysLeft(period, ctx.asOf) > warningWindowDays.year) continue;
      yield { branch, period, year: Number(period.key) };
    }
  }
}

const yearLabel = (key: string): Bilingual => ({ zh: periodLabel(key, 'zh'), en: periodLabel(key, 'en') });

export const assess03: Rule<'improvement'> = {
  id: 'ASSESS-03',
  family: 'ASSESS',
  title: {
    zh: '每个党支部每年至少整改2个突出问题，责任人、措施、时限明确并经上级验收',
    en: 'Each branch rectifies at least two problems a year, verified by its superior',
  },
  scope: 'branch',
  period: 'year',
  params: {
    minItems: {
      type: 'integer',
      default: 2,
      min: 1,
      max: 20,
      stricter: 'higher',
      label: { zh: '每年至少整改问题数', en: 'Problems rectified a year, at least' },
      unit: { zh: '个', en: 'problems' },
    },
  },
  source: '004 三.3',
  facts: 'improvement',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    const byOrgYear = new Map<string, ImprovementFacts['rectifications']>();
    for (const r of ctx.facts.rectifications) {
      const key = `${r.orgId}|${r.year}`;
      byOrgYear.set(key, [...(byOrgYear.get(key) ?? []), r]);
    }
    for (const { branch, period, year } of branchYears(ctx)) {
      const minItems = Number(ctx.params(branch.id).minItems);
      const items = byOrgYear.get(`${branch.id}|${year}`) ?? [];
      const verified = items.filter((r) => r.status === 'verified' && r.complete).length;
      if (verified >= minItems) continue;
      const pending = items.length - verified;
      const label = yearLabel(period.key);
      out.push({
        severity: period.state === 'closed' ? 'breach' : 'warning',
        orgId: branch.id,
        period: period.key,
        message: {
          zh: `${label.zh}经上级验收的整改问题${verified}个（要求至少${minItems}个）${pending ? `，另有${pending}个未完成或未验收` : ''}`,
          en: `${verified} rectified problem${verified === 1 ? '' : 's'} verified by the superior in ${label.en} (at least ${minItems})${pending ? `; ${pending} more not done or not verified` : ''}`,
        },
        evidence: [{ kind: 'org', id: branch.id }],
        numbers: { verified, pending, minItems },
      });
    }
    // Overdue items become findings of their own ("逾期未整改"): one per branch, listing them.
    const overdue = new Map<string, ImprovementFacts['rectifications']>();
    for (const r of ctx.facts.rectifications) {
      if (r.status !== 'open' || r.deadline >= ctx.asOf) continue;
      overdue.set(r.orgId, [...(overdue.get(r.orgId) ?? []), r]);
    }
    for (const [orgId, items] of overdue) {
      const org = ctx.orgById.get(orgId);
      if (!org || !validOn(org, ctx.asOf)) continue;
      items.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.problem.localeCompare(b.problem));
      out.push({
        severity: 'breach',
        orgId,
        period: null,
        message: {
          zh: `${items.length}个整改事项逾期未完成：${items.map((r) => `${r.problem}（期限${r.deadline}）`).join('；')}`,
          en: `${items.length} rectification item${items.length === 1 ? '' : 's'} past the deadline: ${items.map((r) => `${r.problem} (due ${r.deadline})`).join('; ')}`,
        },
        evidence: [{ kind: 'org', id: orgId }],
        numbers: { overdue: items.length, earliestDeadline: items[0].deadline },
      });
    }
    return out;
  },
};

type Weakness = { key: string; text: Bilingual };

/** Why a branch is weak on asOf (ASSESS-04), in the order the documents name them. */
function weaknesses(
  ctx: Ctx,
  branch: OrgNode,
  state: BranchStateFact | undefined,
  surveyWeak: { year: number } | undefined,
): Weakness[] {
  const p = ctx.params(branch.id);
  const months = Number(p.months);
  const committeeFrom = Number(p.committeeFrom);
  const out: Weakness[] = [];
  const full = state?.fullMembers ?? 0;
  if (full >= committeeFrom && !state?.hasCommittee)
    out.push({
      key: 'noCommittee',
      text: {
        zh: `正式党员${full}名，应设未设支部委员会`,
        en: `${full} full members and no committee (one is due from ${committeeFrom})`,
      },
    });
  const since = addMonths(ctx.asOf, -months);
  // A branch younger than the window cannot have gone `months` without life.
  if (branch.validFrom <= since && (!state?.lastLifeOn || state.lastLifeOn <= since))
    out.push({
      key: 'noLife',
      text: state?.lastLifeOn
        ? {
            zh: `${months}个月以上未过组织生活（最近一次${state.lastLifeOn}）`,
            en: `no organizational life for more than ${months} months (last on ${state.lastLifeOn})`,
          }
        : {
            zh: `${months}个月以上未过组织生活（无记录）`,
            en: `no organizational life for more than ${months} months (none recorded)`,
          },
    });
  if (state?.rating?.grade === 'lagging')
    out.push({
      key: 'lagging',
      text: { zh: `${state.rating.year}年定级为后进`, en: `rated lagging for ${state.rating.year}` },
    });
  if (surveyWeak)
    out.push({
      key: 'surveyWeak',
      text: { zh: `${surveyWeak.year}年摸底排查认定为软弱涣散`, en: `found weak by the ${surveyWeak.year} survey` },
    });
  return out;
}

export const assess04: Rule<'improvement'> = {
  id: 'ASSESS-04',
  family: 'ASSESS',
  title: {
    zh: '软弱涣散、支委不强、长期不过组织生活的党支部限期整顿',
    en: 'A weak branch is put under time-limited reorganization',
  },
  scope: 'branch',
  period: 'now',
  params: {
    months: {
      type: 'integer',
      default: 3,
      min: 1,
      max: 24,
      // Fewer months without life make a branch weak sooner.
      stricter: 'lower',
      label: { zh: '未过组织生活的月数', en: 'Months without organizational life' },
      unit: { zh: '个月', en: 'months' },
    },
    committeeFrom: {
      type: 'integer',
      default: 7,
      min: 2,
      max: 50,
      stricter: 'lower',
      label: { zh: '设支部委员会的正式党员人数', en: 'Full members from which a committee is required' },
      unit: { zh: '名', en: 'members' },
    },
  },
  source: '003 组织生活7, 制度机制7',
  facts: 'improvement',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    const states = new Map(ctx.facts.branches.map((b) => [b.orgId, b]));
    const lastYear = Number(ctx.asOf.slice(0, 4)) - 1;
    const weakSurveys = new Map<string, { year: number }>();
    // The latest survey of this year or last speaks for the branch; an older one is stale.
    for (const s of [...ctx.facts.surveys].sort((a, b) => a.year - b.year)) {
      if (s.year < lastYear || s.surveyedOn > ctx.asOf) continue;
      if (s.weak) weakSurveys.set(s.orgId, { year: s.year });
      else weakSurveys.delete(s.orgId);
    }
    const openReorganizations = new Map<string, ImprovementFacts['reorganizations']>();
    for (const r of ctx.facts.reorganizations)
      if (r.status === 'open') openReorganizations.set(r.orgId, [...(openReorganizations.get(r.orgId) ?? []), r]);
    for (const branch of standingBranches(ctx)) {
      if (!validOn(branch, ctx.asOf)) continue;
      const open = openReorganizations.get(branch.id) ?? [];
      const overran = open.filter((r) => r.endsOn < ctx.asOf);
      if (overran.length) {
        const r = overran[0];
        out.push({
          severity: 'breach',
          orgId: branch.id,
          period: null,
          message: {
            zh: `限期整顿已于${r.endsOn}到期（${r.startedOn}开始），尚未结束`,
            en: `the reorganization started on ${r.startedOn} was due to end on ${r.endsOn} and is still open`,
          },
          evidence: [{ kind: 'org', id: branch.id }],
          numbers: { endsOn: r.endsOn },
        });
        continue;
      }
      if (open.length) continue;
      const found = weaknesses(ctx, branch, states.get(branch.id), weakSurveys.get(branch.id));
      if (found.length === 0) continue;
      out.push({
        severity: 'breach',
        orgId: branch.id,
        period: null,
        message: {
          zh: `党支部${found.map((w) => w.text.zh).join('；')}，未列入限期整顿`,
          en: `weak branch (${found.map((w) => w.text.en).join('; ')}) not under reorganization`,
        },
        evidence: [{ kind: 'org', id: branch.id }],
        numbers: { reasons: found.map((w) => w.key).join(',') },
      });
    }
    return out;
  },
};

export const assess05: Rule<'improvement'> = {
  id: 'ASSESS-05',
  family: 'ASSESS',
  title: {
    zh: '每年对党支部开展一次摸底排查（六查六看）',
    en: 'Every branch is surveyed once a year (six checks)',
  },
  scope: 'branch',
  period: 'year',
  params: {},
  source: '003 组织生活7; 004 三.2',
  facts: 'improvement',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    const surveyed = new Set(
      ctx.facts.surveys.filter((s) => s.surveyedOn <= ctx.asOf).map((s) => `${s.orgId}|${s.year}`),
    );
    for (const { branch, period, year } of branchYears(ctx)) {
      if (surveyed.has(`${branch.id}|${year}`)) continue;
      const label = yearLabel(period.key);
      out.push({
        severity: period.state === 'closed' ? 'breach' : 'warning',
        orgId: branch.id,
        period: period.key,
        message: {
          zh: `${label.zh}未对党支部开展摸底排查（六查六看）`,
          en: `the branch was not surveyed (six checks) in ${label.en}`,
        },
        evidence: [{ kind: 'org', id: branch.id }],
      });
    }
    return out;
  },
};

export const improvementRules: Rule[] = [assess03, assess04, assess05] as Rule[];
