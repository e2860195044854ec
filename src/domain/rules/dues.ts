/**
 * The DUES rules: dues by the national brackets (DUES-01), paid on time and in full (DUES-02),
 * the lapse warning after consecutive unpaid months (DUES-03) and dues returned to grassroots
 * organizations (DUES-04). All read one member ledger per person (`src/domain/dues/ledger.ts`),
 * the same one the dues pages show.
 */

import type { FindingDraft, Rule } from '../compliance/types.ts';
import { yuan } from '../dues/brackets.ts';
import { arrearsOf, type LedgerMonth, memberLedger } from '../dues/ledger.ts';
import { monthOf } from '../dues/months.ts';
import { daysLeft, periodLabel, warningWindowDays } from '../periods.ts';
import type { DuesFacts } from './dues-facts.ts';

const monthLabel = (month: string, locale: 'zh' | 'en') => periodLabel(month, locale);

/** `2021年3月、4月` style list of months (at most five, then “等N个月”). */
function monthList(months: string[], locale: 'zh' | 'en') {
  const shown = months.slice(0, 5).map((m) => monthLabel(m, locale));
  const more = months.length - shown.length;
  if (locale === 'zh') return `${shown.join('、')}${more > 0 ? `等${months.length}个月` : ''}`;
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** Ledgers of every member, built once per evaluation and shared by the rules. */
const ledgerCache = new WeakMap<
  DuesFacts,
  { personId: string; currentOrgId: string | null; months: LedgerMonth[] }[]
>();
function ledgersOf(facts: DuesFacts) {
  let ledgers = ledgerCache.get(facts);
  if (!ledgers) {
    ledgers = (facts.members ?? []).map((m) => ({
      personId: m.personId,
      currentOrgId: m.currentOrgId,
      months: memberLedger(m),
    }));
    ledgerCache.set(facts, ledgers);
  }
  return ledgers;
}

const duesBrackets: Rule<'dues'> = {
  id: 'DUES-01',
  family: 'DUES',
  title: { zh: '按规定标准核定党费', en: 'Dues follow the national brackets' },
  scope: 'member',
  period: 'year',
  params: {},
  source: 'national; 003 党员教育管理3',
  facts: 'dues',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    const members = new Map((ctx.facts.members ?? []).map((m) => [m.personId, m]));
    for (const ledger of ledgersOf(ctx.facts)) {
      const member = members.get(ledger.personId)!;
      if (ledger.months.length === 0) continue;
      const tenantId = ctx.orgById.get(ledger.months[0].orgId)?.tenantId;
      if (!tenantId) continue;
      for (const period of ctx.periods('year', tenantId)) {
        const months = ledger.months.filter(
          (m) => m.month >= period.from.slice(0, 7) && m.month <= period.to.slice(0, 7),
        );
        const ended = months.filter((m) => m.month < monthOf(ctx.asOf));
        if (months.length === 0) continue;
        const orgId = months[months.length - 1].orgId;
        const year = period.key;
        const withoutBase = ended.filter((m) => m.due === null).map((m) => m.month);
        const verified = member.bases.some((b) => b.effectiveMonth.startsWith(year) || b.verifiedOn?.startsWith(year));
        const closed = period.state === 'closed';
        const base = {
          orgId,
          personId: ledger.personId,
          period: year,
          evidence: [{ kind: 'person' as const, id: ledger.personId }],
        };
        if (withoutBase.length > 0) {
          out.push({
            ...base,
            severity: closed ? 'breach' : 'warning',
            numbers: { monthsWithoutBase: withoutBase.length },
            message: {
              zh: `${monthList(withoutBase, 'zh')}没有党费基数，无法按规定标准计算应交党费`,
              en: `no dues base for ${monthList(withoutBase, 'en')}: the dues cannot be computed by the brackets`,
            },
          });
        } else if (!verified && (closed || daysLeft(period, ctx.asOf) <= warningWindowDays.year)) {
          out.push({
            ...base,
            severity: closed ? 'breach' : 'warning',
            numbers: { verified: 0 },
            message: {
              zh: `${periodLabel(year, 'zh')}未重新核定党费基数（每年核定一次）`,
              en: `the dues base was not re-verified in ${periodLabel(year, 'en')} (once a year)`,
            },
          });
        }
      }
    }
    return out;
  },
};

const duesPaidInFull: Rule<'dues'> = {
  id: 'DUES-02',
  family: 'DUES',
  title: { zh: '按时足额交纳党费', en: 'Dues are paid on time and in full' },
  scope: 'member',
  period: 'month',
  params: {},
  source: '003 党员教育管理3',
  facts: 'dues',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const ledger of ledgersOf(ctx.facts)) {
      for (const m of ledger.months) {
        const org = ctx.orgById.get(m.orgId);
        if (!org || m.due === null || m.reason !== null) continue;
        const period = ctx.periods('month', org.tenantId).find((p) => p.key === m.month);
        if (period?.state !== 'closed') continue;
        const base = {
          orgId: m.orgId,
          personId: ledger.personId,
          period: m.month,
          evidence: [{ kind: 'person' as const, id: ledger.personId }],
          numbers: { due: m.due, paid: m.paid },
        };
        if (m.outstanding > 0)
          out.push({
            ...base,
            severity: 'breach',
            message: {
              zh: `${monthLabel(m.month, 'zh')}党费应交${yuan(m.due)}元，实交${yuan(m.paid)}元`,
              en: `dues for ${monthLabel(m.month, 'en')}: ${yuan(m.due)} yuan due, ${yuan(m.paid)} yuan paid`,
            },
          });
        else if (m.late)
          out.push({
            ...base,
            severity: 'warning',
            message: {
              zh: `${monthLabel(m.month, 'zh')}党费于${m.paidOn}补交，未按月交纳`,
              en: `dues for ${monthLabel(m.month, 'en')} were paid late, on ${m.paidOn}`,
            },
          });
      }
    }
    return out;
  },
};

const duesLapse: Rule<'dues'> = {
  id: 'DUES-03',
  family: 'DUES',
  title: { zh: '连续不交纳党费的党员', en: 'Members with consecutive unpaid months' },
  scope: 'member',
  period: 'now',
  params: {
    months: {
      type: 'integer',
      default: 6,
      min: 1,
      max: 12,
      stricter: 'lower',
      label: { zh: '连续未交月数', en: 'consecutive unpaid months' },
      unit: { zh: '个月', en: 'months' },
    },
    warnMonths: {
      type: 'integer',
      default: 3,
      min: 1,
      max: 12,
      stricter: 'lower',
      label: { zh: '预警月数', en: 'warning after' },
      unit: { zh: '个月', en: 'months' },
    },
  },
  source: '003 党员教育管理7',
  facts: 'dues',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const ledger of ledgersOf(ctx.facts)) {
      if (!ledger.currentOrgId) continue;
      const params = ctx.params(ledger.currentOrgId);
      const { consecutiveUnpaid, unpaidSince } = arrearsOf(ledger.months, ctx.asOf);
      const months = Number(params.months);
      const warnMonths = Number(params.warnMonths);
      if (consecutiveUnpaid < Math.min(months, warnMonths) || !unpaidSince) continue;
      const breach = consecutiveUnpaid >= months;
      const since = { zh: monthLabel(unpaidSince, 'zh'), en: monthLabel(unpaidSince, 'en') };
      out.push({
        orgId: ledger.currentOrgId,
        personId: ledger.personId,
        period: null,
        severity: breach ? 'breach' : 'warning',
        evidence: [{ kind: 'person', id: ledger.personId }],
        numbers: { consecutiveUnpaid, months, warnMonths },
        message: breach
          ? {
              zh: `自${since.zh}起连续${consecutiveUnpaid}个月未交纳党费且无正当理由记录（满${months}个月按自行脱党处理，请支部核实）`,
              en: `no dues paid for ${consecutiveUnpaid} consecutive months since ${since.en} and no reason recorded (${months} months is regarded as leaving the Party; the branch must verify)`,
            }
          : {
              zh: `自${since.zh}起已连续${consecutiveUnpaid}个月未交纳党费（满${months}个月按自行脱党处理）`,
              en: `no dues paid for ${consecutiveUnpaid} consecutive months since ${since.en} (${months} months is regarded as leaving the Party)`,
            },
      });
    }
    return out;
  },
};

const duesReturned: Rule<'dues'> = {
  id: 'DUES-04',
  family: 'DUES',
  title: { zh: '党费返还基层党组织', en: 'Dues are returned to grassroots organizations' },
  scope: 'university',
  period: 'year',
  params: {},
  source: '003 工作保障5; 001 第13条',
  facts: 'dues',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    // Only a whole university is judged: a subtree's collections are not the university's.
    for (const university of ctx.core.universities) {
      if (!ctx.orgById.has(university.tenantId)) continue;
      for (const period of ctx.periods('year', university.tenantId)) {
        if (period.state !== 'closed') continue;
        const year = period.key;
        let collected = 0;
        for (const member of ctx.facts.members ?? []) {
          if (!member.owedMonths.some((m) => ctx.orgById.get(m.orgId)?.tenantId === university.tenantId)) continue;
          for (const p of member.payments) if (p.month.startsWith(year)) collected += p.amount;
        }
        const returned = (ctx.facts.returns ?? [])
          .filter((r) => r.year === Number(year) && ctx.orgById.get(r.orgId)?.tenantId === university.tenantId)
          .reduce((sum, r) => sum + r.amount, 0);
        if (collected === 0 || returned > 0) continue;
        out.push({
          orgId: university.tenantId,
          period: year,
          severity: 'breach',
          numbers: { collected, returned },
          message: {
            zh: `${periodLabel(year, 'zh')}收缴党费${yuan(collected)}元，未记录返还基层党组织的党费`,
            en: `${yuan(collected)} yuan of dues collected in ${periodLabel(year, 'en')}, none recorded as returned to grassroots organizations`,
          },
        });
      }
    }
    return out;
  },
};

export const duesRules: Rule[] = [duesBrackets, duesPaidInFull, duesLapse, duesReturned] as Rule[];
