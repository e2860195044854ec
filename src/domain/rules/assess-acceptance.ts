/**
 * ASSESS-06: acceptance (达标验收) goes branch self-check → college first check → university
 * re-check → certified, each step by its own role and in order (003 第一阶段5). The module refuses
 * a step out of order, so a breach here comes from imported records; a branch that has not
 * self-checked is warned in the last `warnDays` before the campaign closes and in breach after.
 */
import type { Bilingual, FindingDraft, Rule } from '../compliance/types.ts';
import { daysBetween } from '../periods.ts';
import {
  type AcceptanceCampaignFact,
  expectedSteps,
  replaySteps,
  roleLabel,
  type StepProblem,
  stageLabels,
  stepLabels,
} from './acceptance-facts.ts';

function problemText(c: AcceptanceCampaignFact, p: StepProblem): Bilingual {
  const step = stepLabels[p.step.step];
  const who = roleLabel(p.step.actorRole);
  if (p.kind === 'order')
    return {
      zh: `“${c.title}”中${p.step.on}的${step.zh}不合顺序（当时${stageLabels[p.stage].zh}，应为${expectedSteps(p.stage).zh}）`,
      en: `in “${c.title}” the ${step.en} of ${p.step.on} is out of order (the review was ${stageLabels[p.stage].en}; expected ${expectedSteps(p.stage).en})`,
    };
  if (p.kind === 'role')
    return {
      zh: `“${c.title}”中${p.step.on}的${step.zh}由${who.zh}${p.step.actorName}进行，应由${roleLabel(p.expected).zh}进行`,
      en: `in “${c.title}” the ${step.en} of ${p.step.on} was taken by ${who.en} (${p.step.actorName}), not by ${roleLabel(p.expected).en}`,
    };
  return {
    zh: `“${c.title}”中${p.step.on}的${step.zh}早于前一步（${p.previousOn}）`,
    en: `in “${c.title}” the ${step.en} of ${p.step.on} is dated before the previous step (${p.previousOn})`,
  };
}

export const assess06: Rule<'acceptance'> = {
  id: 'ASSESS-06',
  family: 'ASSESS',
  title: {
    zh: '达标验收按支部自查、院系初验、学校复验、认定的顺序由各自角色进行',
    en: 'Acceptance goes self-check → first check → re-check → certified, each step by its own role',
  },
  scope: 'branch',
  period: 'year',
  params: {
    warnDays: {
      type: 'integer',
      default: 14,
      min: 0,
      stricter: 'higher',
      label: { zh: '截止前提醒天数', en: 'days before the close date to warn' },
      unit: { zh: '天', en: 'days' },
    },
  },
  source: '003 第一阶段5',
  facts: 'acceptance',
  evaluate(ctx) {
    // One finding per branch and year (the finding key), gathering every campaign of that year.
    const byKey = new Map<string, { orgId: string; year: string; breach: boolean; parts: Bilingual[] }>();
    const add = (orgId: string, year: string, breach: boolean, part: Bilingual) => {
      const key = `${orgId}|${year}`;
      const entry = byKey.get(key) ?? { orgId, year, breach: false, parts: [] };
      entry.breach ||= breach;
      entry.parts.push(part);
      byKey.set(key, entry);
    };
    for (const c of ctx.facts.campaigns) {
      const year = String(c.year);
      if (!ctx.periods('year', c.tenantId).some((p) => p.key === year)) continue;
      if (c.opensOn > ctx.asOf) continue;
      const closed = c.status === 'closed' || ctx.asOf > c.closesOn;
      for (const b of c.branches) {
        if (!ctx.orgById.has(b.orgId)) continue;
        const { stage, problems } = replaySteps(b.steps, b.direct);
        for (const p of problems) add(b.orgId, year, true, problemText(c, p));
        if (stage !== 'pending' && stage !== 'returned') continue;
        const what =
          stage === 'pending'
            ? { zh: '未提交自查', en: 'no self-check submitted' }
            : { zh: '被退回后未重新自查', en: 'not self-checked again after the return' };
        if (closed) {
          add(b.orgId, year, true, {
            zh: `“${c.title}”已于${c.closesOn}截止，${what.zh}`,
            en: `“${c.title}” closed on ${c.closesOn} with ${what.en}`,
          });
          continue;
        }
        const left = daysBetween(ctx.asOf, c.closesOn) + 1;
        if (left <= Number(ctx.params(b.orgId).warnDays))
          add(b.orgId, year, false, {
            zh: `“${c.title}”将于${c.closesOn}截止（剩${left}天），${what.zh}`,
            en: `“${c.title}” closes on ${c.closesOn} (${left} days left): ${what.en}`,
          });
      }
    }
    const out: FindingDraft[] = [];
    for (const f of byKey.values())
      out.push({
        severity: f.breach ? 'breach' : 'warning',
        orgId: f.orgId,
        period: f.year,
        message: { zh: f.parts.map((p) => p.zh).join('；'), en: f.parts.map((p) => p.en).join('; ') },
        evidence: [{ kind: 'org', id: f.orgId }],
      });
    return out;
  },
};

export const assessAcceptanceRules: Rule[] = [assess06] as Rule[];
