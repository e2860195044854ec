/**
 * The FUND rules (Party-work funds): each college-level organization's yearly budget covers the
 * per-member standard (FUND-01), and it receives its allocation and records its expenses (FUND-02).
 * Money is integer fen.
 */
import type { Bilingual, FindingDraft, Rule, RuleContext } from '../compliance/types.ts';
import { daysLeft, type Period, periodLabel, warningWindowDays } from '../periods.ts';
import { type FundFacts, type FundYear, formatYuan, minimumBudget } from './fund-facts.ts';

const yuan = (fen: number) => ({ zh: `${formatYuan(fen)}元`, en: `${formatYuan(fen)} yuan` });

/** Each org's years that are periods of the evaluation, with the period. */
function* orgYears(ctx: RuleContext<FundFacts>): Generator<{ y: FundYear; period: Period; orgId: string }> {
  for (const y of ctx.facts.years) {
    const org = ctx.orgById.get(y.orgId);
    if (!org) continue;
    const period = ctx.periods('year', org.tenantId).find((p) => p.key === String(y.year));
    if (period) yield { y, period, orgId: org.id };
  }
}

export const fund01: Rule<'funds'> = {
  id: 'FUND-01',
  family: 'FUND',
  title: {
    zh: '党建工作经费预算不低于每名教职工党员、学生党员的标准',
    en: 'The Party-work budget meets the per-member standard',
  },
  scope: 'college',
  period: 'year',
  params: {
    perStaff: {
      type: 'integer',
      default: 30000,
      min: 0,
      stricter: 'higher',
      label: { zh: '每名教职工党员每年（分）', en: 'per staff member a year (fen)' },
      unit: { zh: '分', en: 'fen' },
    },
    perStudent: {
      type: 'integer',
      default: 10000,
      min: 0,
      stricter: 'higher',
      label: { zh: '每名学生党员每年（分）', en: 'per student member a year (fen)' },
      unit: { zh: '分', en: 'fen' },
    },
  },
  source: '004 二.6',
  facts: 'funds',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const { y, period, orgId } of orgYears(ctx)) {
      const params = ctx.params(orgId);
      const perStaff = Number(params.perStaff);
      const perStudent = Number(params.perStudent);
      const minimum = minimumBudget(y, perStaff, perStudent);
      if (minimum === 0 || (y.budget !== null && y.budget >= minimum)) continue;
      const label = { zh: periodLabel(period.key, 'zh'), en: periodLabel(period.key, 'en') };
      const basis: Bilingual = {
        zh: `教职工党员${y.staffMembers}人×${yuan(perStaff).zh}、学生党员${y.studentMembers}人×${yuan(perStudent).zh}`,
        en: `${y.staffMembers} staff members × ${formatYuan(perStaff)}, ${y.studentMembers} student members × ${formatYuan(perStudent)}`,
      };
      const message: Bilingual =
        y.budget === null
          ? {
              zh: `${label.zh}未编列党建工作经费预算（应不少于${yuan(minimum).zh}：${basis.zh}）`,
              en: `no Party-work budget for ${label.en} (at least ${yuan(minimum).en}: ${basis.en})`,
            }
          : {
              zh: `${label.zh}党建工作经费预算${yuan(y.budget).zh}，低于标准${yuan(minimum).zh}（${basis.zh}）`,
              en: `the Party-work budget for ${label.en} is ${yuan(y.budget).en}, below ${yuan(minimum).en} (${basis.en})`,
            };
      out.push({
        severity: period.state === 'closed' ? 'breach' : 'warning',
        orgId,
        period: period.key,
        message,
        evidence: [{ kind: 'org', id: orgId }],
        numbers: {
          budget: y.budget,
          minimum,
          staffMembers: y.staffMembers,
          studentMembers: y.studentMembers,
        },
      });
    }
    return out;
  },
};

export const fund02: Rule<'funds'> = {
  id: 'FUND-02',
  family: 'FUND',
  title: {
    zh: '二级党组织足额收到经费拨付并登记每笔支出',
    en: 'Each college-level organization receives its allocation and records its expenses',
  },
  scope: 'college',
  period: 'year',
  params: {},
  source: '003 工作保障1; 000 (四)2',
  facts: 'funds',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const { y, period, orgId } of orgYears(ctx)) {
      // An org with no members and no budget has nothing to receive.
      if (y.budget === null && y.staffMembers + y.studentMembers === 0) continue;
      // Allocations and spending happen through the year: the open year is judged only near its end.
      if (period.state === 'open' && daysLeft(period, ctx.asOf) > warningWindowDays.year) continue;
      const label = { zh: periodLabel(period.key, 'zh'), en: periodLabel(period.key, 'en') };
      const parts: Bilingual[] = [];
      if (y.allocated === 0) parts.push({ zh: '未拨付党建工作经费', en: 'no Party-work funds allocated' });
      else if (y.budget !== null && y.allocated < y.budget)
        parts.push({
          zh: `党建工作经费仅拨付${yuan(y.allocated).zh}（预算${yuan(y.budget).zh}）`,
          en: `only ${yuan(y.allocated).en} of the ${yuan(y.budget).en} budget allocated`,
        });
      if (y.allocated > 0 && y.expenses === 0) parts.push({ zh: '未登记经费支出', en: 'no expense recorded' });
      if (parts.length === 0) continue;
      out.push({
        severity: period.state === 'closed' ? 'breach' : 'warning',
        orgId,
        period: period.key,
        message: {
          zh: `${label.zh}${parts.map((p) => p.zh).join('，')}`,
          en: `${label.en}: ${parts.map((p) => p.en).join('; ')}`,
        },
        evidence: [{ kind: 'org', id: orgId }],
        numbers: { budget: y.budget, allocated: y.allocated, spent: y.spent, expenses: y.expenses },
      });
    }
    return out;
  },
};

export const fundRules: Rule[] = [fund01, fund02] as Rule[];
