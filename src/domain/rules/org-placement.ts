/**
 * ORG-08 and ORG-09: every member placed in a branch, and temporary branches approved, dated and
 * closed when they end (003 党员教育管理1, 支部设置5; 001 第2条).
 */
import type { FindingDraft, OrgNode, Rule } from '../compliance/types.ts';
import { daysBetween, validOn } from '../periods.ts';
import { daysEn, joinProblems, liveOrgs, type StructureContext } from './org-structure.ts';

const orgEvidence = (org: OrgNode) => ({ kind: 'org' as const, id: org.id, label: org.name });

function nearestLive(ctx: StructureContext, org: OrgNode): OrgNode {
  let at: OrgNode | undefined = org;
  while (at && !validOn(at, ctx.asOf)) at = at.parentId ? ctx.orgById.get(at.parentId) : undefined;
  return at ?? org;
}

export const org08: Rule<'structure'> = {
  id: 'ORG-08',
  family: 'ORG',
  title: { zh: '党员均编入党支部', en: 'Every member belongs to a branch' },
  scope: 'university',
  period: 'now',
  params: {},
  source: '003 党员教育管理1',
  facts: 'structure',
  evaluate(ctx) {
    // Judged: a member in normal standing whose membership on asOf is in an org that is not a live
    // branch (a college, the university, a group, or a branch dissolved or not yet founded). A
    // member whose last membership has ended with none after it has left or is in transfer: that
    // is MEM-01's to judge with the transfer records, not a member without a branch here.
    const out: FindingDraft[] = [];
    for (const m of ctx.facts.unplaced ?? []) {
      // The finding sits where someone can act: on the org the membership names while it exists
      // (the university root when it names the university), else on its nearest live ancestor —
      // the college that dissolved a branch places its members.
      const named = ctx.orgById.get(m.orgId);
      if (!named) continue;
      const org = nearestLive(ctx, named);
      const dissolved = m.orgValidTo !== null && m.orgValidTo <= ctx.asOf;
      const notYet = m.orgValidFrom > ctx.asOf;
      const message = dissolved
        ? {
            zh: `党员${m.personName}的组织关系仍在已于${m.orgValidTo}撤销的“${m.orgName}”，未编入党支部`,
            en: `Member ${m.personName} still belongs to ${m.orgName}, dissolved on ${m.orgValidTo}, and is in no branch`,
          }
        : notYet
          ? {
              zh: `党员${m.personName}的组织关系在${m.orgValidFrom}才成立的“${m.orgName}”，目前未编入党支部`,
              en: `Member ${m.personName} belongs to ${m.orgName}, founded only on ${m.orgValidFrom}, and is in no branch now`,
            }
          : {
              zh: `党员${m.personName}的组织关系在“${m.orgName}”（不是党支部），未编入党支部`,
              en: `Member ${m.personName} belongs to ${m.orgName}, which is not a branch, and is in no branch`,
            };
      out.push({
        severity: 'breach',
        orgId: org.id,
        personId: m.personId,
        period: null,
        message,
        evidence: [
          { kind: 'membership', id: m.membershipId },
          { kind: 'person', id: m.personId, label: m.personName },
        ],
        numbers: { orgKind: m.orgKind, orgValidTo: m.orgValidTo },
      });
    }
    return out;
  },
};

export const org09: Rule<'structure'> = {
  id: 'ORG-09',
  family: 'ORG',
  title: { zh: '临时党支部经批准、定期限、到期撤销', en: 'A temporary branch is approved, dated and closed' },
  scope: 'branch',
  period: 'now',
  params: {},
  source: '003 支部设置5; 001 第2条',
  facts: 'structure',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    // A temporary branch closed on or before asOf (dissolved) is no longer judged: it was closed.
    for (const branch of liveOrgs(ctx, ['branch']).filter((o) => o.temporary)) {
      const t = branch.temporary ?? {};
      const problems: { zh: string; en: string }[] = [];
      // The approval is on record when its date is: who approved defaults to the superior
      // committee, so a missing `approvedBy` alone is not a defect.
      if (!t.approvedOn)
        problems.push({ zh: '无上级党组织批准记录', en: "there is no record of the superior's approval" });
      if (!t.endsOn) problems.push({ zh: '未确定结束日期', en: 'it has no end date' });
      else if (t.endsOn < ctx.asOf)
        problems.push({
          zh: `已于${t.endsOn}到期，仍未撤销（逾期${daysBetween(t.endsOn, ctx.asOf)}天）`,
          en: `it ended on ${t.endsOn} and is still open, ${daysEn(daysBetween(t.endsOn, ctx.asOf))} later`,
        });
      if (problems.length === 0) continue;
      const all = joinProblems(problems);
      out.push({
        severity: 'breach',
        orgId: branch.id,
        period: null,
        message: { zh: `临时党支部：${all.zh}`, en: `Temporary branch: ${all.en}` },
        evidence: [orgEvidence(branch)],
        numbers: {
          approvedOn: t.approvedOn ?? null,
          endsOn: t.endsOn ?? null,
          overdueDays: t.endsOn && t.endsOn < ctx.asOf ? daysBetween(t.endsOn, ctx.asOf) : null,
        },
      });
    }
    return out;
  },
};

export const orgPlacementRules = [org08, org09] satisfies Rule<'structure'>[];
