/**
 * LIFE-08: every branch appraises its members once a year (民主评议党员) in four steps — self-
 * assessment, peer review, democratic vote, organization verdict — and leading cadres are not
 * voted on (003 制度机制6).
 *
 * The appraisal of year Y is often held early in Y+1 (the appraisals module accepts a start in
 * either year), so a missing or unfinished appraisal of a closed year is a warning until
 * `yearEndDeadline` (January 31 of Y+1) and a breach after it. The open year owes nothing yet.
 * A closed appraisal is still a breach when a step was skipped or a leading cadre has vote tallies.
 * More 优秀 verdicts than `excellentShare` of the participants is `info`: the documents give no
 * share, 20 % is our default (the same parameter the appraisals module enforces when recording).
 */
import type { FindingDraft, Rule, RuleContext } from '../compliance/types.ts';
import { periodLabel } from '../periods.ts';
import type { AppraisalFact, LifeFacts } from './life-facts.ts';
import { owedPeriods } from './life-owed.ts';

/** The last day the year-end work of year Y (appraisal, year-end report) may take: January 31 of Y+1. */
export const yearEndDeadline = (year: number) => `${year + 1}-01-31`;

const stepNames: Record<string, { zh: string; en: string }> = {
  selfAssessment: { zh: '个人自评', en: 'self-assessment' },
  peerReview: { zh: '党员互评', en: 'peer review' },
  vote: { zh: '民主测评', en: 'democratic vote' },
  verdict: { zh: '组织评定', en: 'organization verdict' },
};

function judge(
  a: AppraisalFact | undefined,
  year: number,
  asOf: string,
  excellentShare: number,
): Pick<FindingDraft, 'severity' | 'message' | 'numbers'> | null {
  const y = { zh: periodLabel(String(year), 'zh'), en: periodLabel(String(year), 'en') };
  const deadline = yearEndDeadline(year);
  if (a?.step !== 'closed') {
    const late = asOf > deadline;
    const at = a ? stepNames[a.step] : null;
    const zh = a
      ? `${y.zh}度民主评议党员未完成（停留在“${at?.zh ?? a.step}”环节）`
      : `${y.zh}度未开展民主评议党员（要求每年1次）`;
    const en = a
      ? `the ${y.en} appraisal of members is not finished (still at ${at?.en ?? a.step})`
      : `no appraisal of members for ${y.en} (required once a year)`;
    return {
      severity: late ? 'breach' : 'warning',
      numbers: { deadline },
      message: late ? { zh, en } : { zh: `${zh}，须于${deadline}前完成`, en: `${en}; due by ${deadline}` },
    };
  }
  const skipped = (
    [
      ['peerReview', a.peerReviewOn],
      ['vote', a.voteOn],
      ['verdict', a.verdictOn],
    ] as const
  ).filter(([, on]) => on === null);
  if (skipped.length > 0) {
    return {
      severity: 'breach',
      numbers: { skipped: skipped.length },
      message: {
        zh: `${y.zh}度民主评议党员未按程序进行，缺少${skipped.map(([s]) => `“${stepNames[s].zh}”`).join('、')}环节`,
        en: `the ${y.en} appraisal skipped ${skipped.map(([s]) => stepNames[s].en).join(', ')}`,
      },
    };
  }
  if (a.cadresVotedOn > 0) {
    return {
      severity: 'breach',
      numbers: { cadresVotedOn: a.cadresVotedOn },
      message: {
        zh: `${y.zh}度民主评议中有${a.cadresVotedOn}名党员领导干部参加了民主测评（党员领导干部不参加民主测评）`,
        en: `${a.cadresVotedOn} leading cadre(s) were voted on in the ${y.en} appraisal (leading cadres are not voted on)`,
      },
    };
  }
  if (a.participants > 0 && a.excellent / a.participants > excellentShare) {
    const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
    return {
      severity: 'info',
      numbers: { excellent: a.excellent, participants: a.participants, excellentShare },
      message: {
        zh: `${y.zh}度民主评议评为优秀的党员占${pct(a.excellent / a.participants)}（${a.excellent}/${a.participants}），超过${pct(excellentShare)}`,
        en: `${pct(a.excellent / a.participants)} rated excellent in the ${y.en} appraisal (${a.excellent}/${a.participants}), above ${pct(excellentShare)}`,
      },
    };
  }
  return null;
}

export const appraisalRule: Rule<'life'> = {
  id: 'LIFE-08',
  family: 'LIFE',
  title: { zh: '每年对党员进行1次民主评议', en: 'A democratic appraisal of members every year' },
  scope: 'branch',
  period: 'year',
  params: {
    excellentShare: {
      type: 'number',
      default: 0.2,
      min: 0,
      max: 1,
      stricter: 'lower',
      label: { zh: '评为优秀的最大比例', en: 'largest share rated excellent' },
    },
  },
  source: '003 制度机制6; 000, 001 五个坚持',
  facts: 'life',
  evaluate(ctx: RuleContext<LifeFacts>) {
    const byOrgYear = new Map(ctx.facts.appraisals.map((a) => [`${a.orgId}|${a.year}`, a]));
    const out: FindingDraft[] = [];
    for (const { org, period } of owedPeriods(ctx, ['branch'], 'year')) {
      const year = Number(period.key);
      const a = byOrgYear.get(`${org.id}|${year}`);
      if (period.state === 'open' && a?.step !== 'closed') continue;
      const found = judge(a, year, ctx.asOf, Number(ctx.params(org.id).excellentShare));
      if (!found) continue;
      out.push({
        ...found,
        orgId: org.id,
        period: period.key,
        evidence: a ? [{ kind: 'appraisal', id: a.id }] : [{ kind: 'org', id: org.id, label: org.name }],
      });
    }
    return out;
  },
};
