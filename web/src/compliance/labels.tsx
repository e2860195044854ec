/** Tags, colours and formatting shared by the compliance pages. */
import { Tag } from 'antd';
import type { Locale } from '../api/types.ts';
import type { Translate } from '../i18n/index.tsx';
import type { Bilingual, ParamSpec, ParamValue } from './types.ts';

export const severityColor: Record<string, string> = { breach: 'red', warning: 'orange', info: 'blue', ok: 'green' };
export const severityHex = { breach: '#cf1322', warning: '#fa8c16' };

export function SeverityTag({ t, severity }: { t: Translate; severity: string }) {
  return <Tag color={severityColor[severity] ?? 'default'}>{t.label('severity', severity)}</Tag>;
}

export function FindingStatusTag({ t, status }: { t: Translate; status: string }) {
  return <Tag color={status === 'open' ? 'volcano' : 'green'}>{t.label('findingStatus', status)}</Tag>;
}

export function RuleStatusTag({ t, status }: { t: Translate; status: string }) {
  return <Tag color={severityColor[status] ?? 'default'}>{t.label('ruleStatus', status)}</Tag>;
}

/** The text of a bilingual value in the user's language. */
export const inLocale = (locale: Locale, text: Bilingual | null | undefined): string =>
  text ? (locale === 'zh-CN' ? text.zh : text.en) : '';

/** 90–100 green, 60–89 orange, below red: the same bands on the heat map rows and the score card. */
export const scoreColor = (score: number) => (score >= 90 ? '#389e0d' : score >= 60 ? '#d46b08' : '#cf1322');

const shanghai = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** An ISO timestamp as `YYYY-MM-DD HH:MM` in Asia/Shanghai; other strings (already local) as they are. */
export function atShanghai(at: string | null | undefined): string {
  if (!at) return '—';
  if (!/T.*(Z|[+-]\d\d:?\d\d)$/.test(at)) return at;
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : shanghai.format(d);
}

/** A parameter value with its unit, e.g. `3 年` / `3 years`. */
export function paramText(locale: Locale, spec: ParamSpec | undefined, value: ParamValue): string {
  if (!spec || spec.type === 'monthDay') return String(value);
  return spec.unit ? `${value} ${inLocale(locale, spec.unit)}` : String(value);
}

export const familyOptions = (t: Translate, list: readonly string[]) =>
  list.map((f) => ({ value: f, label: `${f} · ${t.label('family', f)}` }));

/** The colon between a label and its value: full-width in Chinese. */
export const colon = (locale: Locale) => (locale === 'zh-CN' ? '：' : ': ');
