/**
 * The common shape of "at least N of something per period" rules (LIFE-01, LIFE-02, LIFE-06, …):
 * a closed period below the minimum is a breach; the open period is a warning when it is within
 * the warning window of its end, or behind pace, and still below the minimum.
 */
import { daysBetween, daysLeft, type Period, periodLabel, warningWindowDays } from '../periods.ts';
import type { Bilingual, Evidence, FindingDraft } from './types.ts';

const perKind: Record<Period['kind'], Bilingual> = {
  month: { zh: '每月', en: 'a month' },
  quarter: { zh: '每季度', en: 'a quarter' },
  half: { zh: '每半年', en: 'every half year' },
  semester: { zh: '每学期', en: 'a semester' },
  year: { zh: '每年', en: 'a year' },
};

export type CountCheck = {
  period: Period;
  asOf: string;
  orgId: string;
  personId?: string | null;
  count: number;
  min: number;
  /** What is counted, e.g. { zh: '支部党员大会', en: 'general assembly' }. */
  what: Bilingual;
  /** The verb in Chinese (召开 for meetings, 讲 for lectures, 提交 for reports); defaults to 召开. */
  verbZh?: string;
  /** Subject prefixed to the message (e.g. a group's or a member's name). */
  subject?: Bilingual;
  evidence?: Evidence[];
};

/**
 * Message: “2021年第3季度未召开支部党员大会（要求每季度至少1次）”, or “…仅召开1次…” when some
 * were held. Returns null when the requirement is met or the open period is not yet at risk.
 */
export function checkCount(c: CountCheck): FindingDraft | null {
  if (c.count >= c.min) return null;
  const verb = c.verbZh ?? '召开';
  const zhSubject = c.subject ? `${c.subject.zh}` : '';
  const enSubject = c.subject ? `${c.subject.en}: ` : '';
  const label = { zh: periodLabel(c.period.key, 'zh'), en: periodLabel(c.period.key, 'en') };
  const required = {
    zh: `（要求${perKind[c.period.kind].zh}至少${c.min}次）`,
    en: ` (required: at least ${c.min} ${perKind[c.period.kind].en})`,
  };
  const numbers = { count: c.count, required: c.min };
  // Built field by field: in V8 a spread followed by more properties costs microseconds a finding.
  const draft = (severity: FindingDraft['severity'], message: FindingDraft['message'], n: FindingDraft['numbers']) => ({
    orgId: c.orgId,
    personId: c.personId ?? null,
    period: c.period.key,
    evidence: c.evidence,
    numbers: n,
    severity,
    message,
  });
  if (c.period.state === 'closed') {
    const zh =
      c.count === 0
        ? `${label.zh}${zhSubject}未${verb}${c.what.zh}${required.zh}`
        : `${label.zh}${zhSubject}仅${verb}${c.what.zh}${c.count}次${required.zh}`;
    const en = `${enSubject}${c.count === 0 ? 'no' : `only ${c.count}`} ${c.what.en} in ${label.en}${required.en}`;
    return draft('breach', { zh, en }, numbers);
  }
  const left = daysLeft(c.period, c.asOf);
  const elapsed = daysBetween(c.period.from, c.asOf) + 1;
  const length = daysBetween(c.period.from, c.period.to) + 1;
  const behindPace = c.count < Math.floor((c.min * elapsed) / length);
  if (left > warningWindowDays[c.period.kind] && !behindPace) return null;
  return draft(
    'warning',
    {
      zh: `${label.zh}${zhSubject}已${verb}${c.what.zh}${c.count}次，距期末还有${left}天${required.zh}`,
      en: `${enSubject}${c.count} ${c.what.en} so far in ${label.en}, ${left} days left${required.en}`,
    },
    { count: c.count, required: c.min, daysLeft: left },
  );
}
