/**
 * Which fields each step records (dataset.md, the `data` of a dev event): the form shows these and
 * sends only these.
 */
import type { Dayjs } from 'dayjs';
import type { DevDocument, DevEventData, DevVote } from './api.ts';
import type { DevStep } from './names.ts';

export type StepField = 'by' | 'mentors' | 'sponsors' | 'hours' | 'until' | 'result' | 'vote' | 'months';

export const stepFields: Partial<Record<DevStep, StepField[]>> = {
  talk: ['by'],
  superiorTalk: ['by'],
  activist: ['mentors'],
  assessment: ['result'],
  sponsors: ['sponsors'],
  training: ['hours'],
  publicity: ['until'],
  admissionVote: ['vote'],
  confirmationVote: ['vote'],
  probationExtension: ['months'],
};

export const fieldsOf = (step: DevStep | undefined): StepField[] => (step ? (stepFields[step] ?? []) : []);

/** Assessment results offered; the server takes any short text. */
export const assessmentResults = ['excellent', 'good', 'pass', 'fail'];

export type StepFormValues = {
  step: DevStep;
  on: Dayjs;
  by?: string[];
  mentors?: string[];
  sponsors?: string[];
  hours?: number;
  until?: Dayjs;
  result?: string;
  vote?: Partial<DevVote>;
  months?: number;
  documents?: string[];
  note?: string;
};

/** The `data` of the event from the form: the step's own fields, nothing else. */
export function dataOf(v: StepFormValues): DevEventData {
  const data: DevEventData = {};
  for (const f of fieldsOf(v.step)) {
    if (f === 'until') {
      if (v.until) data.until = v.until.format('YYYY-MM-DD');
    } else if (f === 'vote') {
      if (v.vote) data.vote = v.vote as DevVote;
    } else if (v[f] !== undefined && v[f] !== null) {
      (data as Record<string, unknown>)[f] = v[f];
    }
  }
  return data;
}

export const documentsOf = (v: StepFormValues): DevDocument[] =>
  (v.documents ?? [])
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => ({ name }));

/** `body.data.vote.yes` → ['vote', 'yes'] (the form keeps the data fields at its top level). */
export function formPath(field: string): (string | number)[] {
  const parts = field
    .replace(/^\//, '')
    .split(/[./]/)
    .filter((p) => p && p !== 'body' && p !== 'query');
  if (parts[0] === 'data') parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** The rule a refusal names: the server's `rule`, or the id in its reason (`… (DEV-08)`). */
export function ruleOf(issue: { reason?: string; rule?: string | null }): string | null {
  if (issue.rule) return issue.rule;
  const m = /\b([A-Z]{2,8}-\d{2,3})\b/.exec(issue.reason ?? '');
  return m ? m[1] : null;
}
