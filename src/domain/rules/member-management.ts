/** The MEM rules on members' records: transfers (MEM-01) and members out of touch (MEM-03). */
import type { Bilingual, Evidence, FindingDraft, Rule, RuleContext } from '../compliance/types.ts';
import { daysBetween } from '../periods.ts';
import type { MemberFacts, MemberRecord, MembershipSpan } from './member-facts.ts';
import { monthsUntil, runOn, spanOn } from './member-spans.ts';

type Issue = { message: Bilingual; spans: MembershipSpan[] };

function orgName(ctx: RuleContext<MemberFacts>, orgId: string): Bilingual {
  const org = ctx.orgById.get(orgId);
  return org ? { zh: org.name, en: org.name } : { zh: '范围外的组织', en: 'an organization outside the scope' };
}

/**
 * The transfer defects of one person that touch the evaluated range: a move between two rows
 * whose gap exceeds `days` (in no branch meanwhile), and two rows of different branches at once.
 */
function transferIssues(ctx: RuleContext<MemberFacts>, member: MemberRecord, days: number): Issue[] {
  const rows = member.memberships;
  const issues: Issue[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r1 = rows[i];
    for (let j = i + 1; j < rows.length; j++) {
      const r2 = rows[j];
      const overlapEnd = [r1.validTo, r2.validTo].filter((d): d is string => d !== null).sort()[0] ?? null;
      const overlaps = r1.validTo === null || r1.validTo > r2.validFrom;
      if (!overlaps || r1.orgId === r2.orgId) continue;
      if (r2.validFrom > ctx.to || (overlapEnd !== null && overlapEnd <= ctx.from)) continue;
      const a = orgName(ctx, r1.orgId);
      const b = orgName(ctx, r2.orgId);
      const until = overlapEnd === null ? { zh: '今', en: 'now' } : { zh: overlapEnd, en: overlapEnd };
      issues.push({
        spans: [r1, r2],
        message: {
          zh: `${r2.validFrom}至${until.zh}同时在${a.zh}和${b.zh}两个支部`,
          en: `in two branches at once (${a.en} and ${b.en}) from ${r2.validFrom} to ${until.en}`,
        },
      });
    }
    const next = rows[i + 1];
    if (!next || r1.validTo === null || r1.standing !== 'normal' || next.validFrom <= r1.validTo) continue;
    if (next.validFrom < ctx.from || next.validFrom > ctx.to) continue;
    const gap = daysBetween(r1.validTo, next.validFrom);
    if (gap <= days) continue;
    const a = orgName(ctx, r1.orgId);
    const b = orgName(ctx, next.orgId);
    issues.push({
      spans: [r1, next],
      message: {
        zh: `组织关系于${r1.validTo}从${a.zh}转出，${next.validFrom}才由${b.zh}接收，间隔${gap}天`,
        en: `transferred out of ${a.en} on ${r1.validTo} and received by ${b.en} only on ${next.validFrom}, ${gap} days later`,
      },
    });
  }
  return issues;
}

/**
 * MEM-01. A member whose last row ended in normal standing with no next row has left the
 * university's records (a transfer out of the university, e.g. a graduate): the receipt is kept by
 * the destination, so it is not judged here.
 */
const mem01: Rule<'member'> = {
  id: 'MEM-01',
  family: 'MEM',
  title: { zh: '组织关系转接及时、唯一', en: 'Transfers are received in time; one branch at a time' },
  scope: 'member',
  period: 'now',
  params: {
    days: {
      type: 'integer',
      default: 90,
      min: 1,
      max: 365,
      stricter: 'lower',
      label: { zh: '转出后接收期限', en: 'Received within' },
      unit: { zh: '天', en: 'days' },
    },
  },
  source: '003 党员教育管理6; national',
  facts: 'member',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const member of ctx.facts.members) {
      if (member.memberships.length < 2) continue;
      const last = member.memberships[member.memberships.length - 1];
      const orgId = (spanOn(member, ctx.asOf) ?? last).orgId;
      const days = Number(ctx.params(orgId).days);
      const issues = transferIssues(ctx, member, days);
      if (issues.length === 0) continue;
      const evidence: Evidence[] = [{ kind: 'person', id: member.personId, label: member.name }];
      for (const s of new Set(issues.flatMap((i) => i.spans))) evidence.push({ kind: 'membership', id: s.id });
      out.push({
        severity: 'breach',
        orgId,
        personId: member.personId,
        period: null,
        message: {
          zh: `党员${member.name}${issues.map((i) => i.message.zh).join('；')}（要求转出后${days}天内接收，党员只能在一个支部）`,
          en: `Member ${member.name}: ${issues.map((i) => i.message.en).join('; ')} (required: received within ${days} days, in one branch at a time)`,
        },
        evidence,
        numbers: { issues: issues.length, days },
      });
    }
    return out;
  },
};

const contactKinds = {
  attended: { zh: '参加会议或签到', en: 'attended a meeting or checked in' },
  report: { zh: '提交思想汇报', en: 'submitted a thought report' },
  joined: { zh: '组织关系转入', en: 'membership began' },
} as const;

/**
 * MEM-03. Contact is the latest of: present or late at any meeting, a check-in, a thought report,
 * or the start of the member's unbroken membership (a new member is not out of touch on arrival).
 */
const mem03: Rule<'member'> = {
  id: 'MEM-03',
  family: 'MEM',
  title: { zh: '失联党员排查', en: 'Members out of touch' },
  scope: 'member',
  period: 'now',
  params: {
    months: {
      type: 'integer',
      default: 6,
      min: 1,
      max: 24,
      stricter: 'lower',
      label: { zh: '无联系月数', en: 'Months without contact' },
      unit: { zh: '个月', en: 'months' },
    },
  },
  source: '002 任务12',
  facts: 'member',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    const monthsSince = monthsUntil(ctx.asOf);
    for (const member of ctx.facts.members) {
      const span = spanOn(member, ctx.asOf);
      const run = runOn(member, ctx.asOf);
      if (!span || !run) continue;
      // Dues payments are contact too: add `member.lastDuesPaid` here once the dues records exist.
      const contacts: [string | null, keyof typeof contactKinds][] = [
        [member.lastAttended, 'attended'],
        [member.lastReport, 'report'],
        [run.from, 'joined'],
      ];
      let last: { day: string; kind: keyof typeof contactKinds } | null = null;
      for (const [day, kind] of contacts) if (day !== null && (!last || day > last.day)) last = { day, kind };
      if (!last) continue;
      const months = Number(ctx.params(span.orgId).months);
      const gone = monthsSince(last.day);
      if (gone < months) continue;
      const what = contactKinds[last.kind];
      out.push({
        severity: 'breach',
        orgId: span.orgId,
        personId: member.personId,
        period: null,
        message: {
          zh: `党员${member.name}已${gone}个月无任何联系记录（最近一次：${last.day}${what.zh}），应按失联党员排查（要求不超过${months}个月）`,
          en: `Member ${member.name} has had no recorded contact for ${gone} months (last: ${what.en} on ${last.day}); check whether they are out of touch (limit: ${months} months)`,
        },
        evidence: [
          { kind: 'person', id: member.personId, label: member.name },
          { kind: 'membership', id: span.id },
        ],
        numbers: { months: gone, lastContact: last.day, limit: months },
      });
    }
    return out;
  },
};

export const memberManagementRules = [mem01, mem03];
