/**
 * The periodic DEV rules of training (培养教育): a thought report every quarter (DEV-04) and an
 * assessment every half year (DEV-05), from becoming an activist until the case closes (a candidate
 * and a probationary member are still in training, as `next-due.ts` shows the to-dos). A period is
 * owed only when the person was in training on its first day and still is after its last, the
 * engine's convention for members; a closed period without the step is a breach, the open one a
 * warning near its end.
 */
import { checkCount } from '../compliance/periodic.ts';
import type { Bilingual, FindingDraft, Rule, RuleContext } from '../compliance/types.ts';
import { closingSteps } from '../development/case-events.ts';
import { stageOf } from '../development/stage.ts';
import type { DevStep } from '../development/steps.ts';
import { coversPeriod } from '../periods.ts';
import { subject } from './dev-common.ts';
import type { DevCaseRecord, DevFacts } from './dev-facts.ts';

/** When training began (the activist step; a legacy case recorded from a later stage: its first such step) and ended. */
function trainingSpan(record: DevCaseRecord) {
  const start = record.events.find((e) => ['activist', 'candidate', 'approval'].includes(e.step));
  if (!start) return null;
  const end = record.events.find((e) => closingSteps.includes(e.step));
  return { validFrom: start.on, validTo: end?.on ?? null };
}

function periodicFindings(
  ctx: RuleContext<DevFacts>,
  step: DevStep,
  kind: 'quarter' | 'half',
  what: Bilingual,
  verbZh: string,
): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const record of ctx.facts.cases) {
    const span = trainingSpan(record);
    const org = ctx.orgById.get(record.orgId);
    if (!span || !org) continue;
    for (const period of ctx.periods(kind, org.tenantId)) {
      if (!coversPeriod(span, period)) continue;
      const done = record.events.filter((e) => e.step === step && e.on >= period.from && e.on <= period.to);
      const stage = stageOf(record.events.filter((e) => e.on <= period.from)) ?? 'activist';
      const finding = checkCount({
        period,
        asOf: ctx.asOf,
        orgId: record.orgId,
        personId: record.personId,
        count: done.length,
        min: 1,
        what,
        verbZh,
        subject: subject(record, stage),
        evidence: [{ kind: 'person', id: record.personId, label: record.name }],
      });
      if (finding) out.push(finding);
    }
  }
  return out;
}

const dev04: Rule<'development'> = {
  id: 'DEV-04',
  family: 'DEV',
  title: { zh: '入党积极分子每季度汇报思想', en: 'Activists report on thought and work every quarter' },
  scope: 'person',
  period: 'quarter',
  params: {},
  source: '003 制度机制5',
  facts: 'development',
  evaluate: (ctx) =>
    periodicFindings(ctx, 'thoughtReport', 'quarter', { zh: '思想汇报', en: 'thought report' }, '提交'),
};

const dev05: Rule<'development'> = {
  id: 'DEV-05',
  family: 'DEV',
  title: { zh: '党支部每半年考察入党积极分子', en: 'The branch assesses each activist every half year' },
  scope: 'person',
  period: 'half',
  params: {},
  source: '003 党员教育管理5; national',
  facts: 'development',
  evaluate: (ctx) => periodicFindings(ctx, 'assessment', 'half', { zh: '培养考察', en: 'assessment' }, '进行'),
};

export const devTrainingRules = [dev04, dev05];
