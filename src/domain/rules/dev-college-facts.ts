/**
 * Facts the college-level DEV rules read (DEV-11 … DEV-14), computed by `src/db/facts/dev-plans.ts`,
 * and the pure helpers the rules and the plan-progress view share.
 */
import { monthsBetween } from '../periods.ts';

/** A plan counts admissions in two categories; retired and other non-students count as staff. */
export const devCategories = ['student', 'staff'] as const;
export type DevCategory = (typeof devCategories)[number];

export const devCategoryNames: Record<DevCategory, { zh: string; en: string }> = {
  student: { zh: '学生', en: 'students' },
  staff: { zh: '教职工', en: 'staff' },
};

/**
 * One person admitted (a probationary member): the day of the general assembly's carried
 * admission vote (or, for a record without the vote, the day of the superior's approval), unless
 * the superior then refused (`notAdmitted`). The branch is the case's branch.
 */
export type DevAdmission = { caseId: string; personId: string; branchId: string; category: DevCategory; on: string };

export type DevPlanLine = { orgId: string; category: DevCategory; quota: number };

/** A college-level organization's year: its pool analyses, its plan (null when none) and its admissions. */
export type DevCollegeYear = {
  orgId: string;
  year: number;
  analyses: { id: string; heldOn: string }[];
  plan: { id: string; lines: DevPlanLine[] } | null;
  admissions: DevAdmission[];
};

export type DevCollegeOrg = { orgId: string; tenantId: string; validFrom: string; validTo: string | null };

/** A staff member in an open case at the activist or candidate stage (DEV-14 keeps the young ones). */
export type DevStaffActivist = {
  caseId: string;
  personId: string;
  personName: string;
  personCode: string;
  birthDate: string | null;
  /** The college-level organization above the case's branch. */
  collegeId: string;
  branchId: string;
  stage: string;
  activistOn: string | null;
  /** Secretaries in contact with the person on asOf (`dev_contacts`). */
  contactSecretaryIds: string[];
};

/** On asOf: who holds the secretary seat of the college-level org and of each of its teacher branches. */
export type DevCollegeSecretaries = {
  collegeId: string;
  collegeSecretaryIds: string[];
  teacherBranchSecretaryIds: string[];
};

export type DevPlanFacts = {
  colleges: DevCollegeOrg[];
  years: DevCollegeYear[];
  /** Student members in normal standing on asOf, per university (DEV-13). */
  studentMembers: { tenantId: string; count: number }[];
  staffActivists: DevStaffActivist[];
  secretaries: DevCollegeSecretaries[];
};

/** Whole years of age on a day (a birthday counts once it is reached). */
export const ageOn = (birthDate: string, day: string) => Math.floor(monthsBetween(birthDate, day) / 12);

export type PlanProgressLine = DevPlanLine & {
  admitted: number;
  /** Admissions per month of the year, index 0 = January. */
  byMonth: number[];
};

/**
 * Admissions against the plan's numbers, one line per branch and category: the plan's lines, plus
 * a line with quota 0 for every branch and category that admitted without a number in the plan.
 */
export function planProgress(lines: readonly DevPlanLine[], admissions: readonly DevAdmission[]): PlanProgressLine[] {
  const key = (orgId: string, category: DevCategory) => `${orgId}|${category}`;
  const out = new Map<string, PlanProgressLine>();
  for (const l of lines) out.set(key(l.orgId, l.category), { ...l, admitted: 0, byMonth: Array(12).fill(0) });
  for (const a of admissions) {
    const k = key(a.branchId, a.category);
    let line = out.get(k);
    if (!line) {
      line = { orgId: a.branchId, category: a.category, quota: 0, admitted: 0, byMonth: Array(12).fill(0) };
      out.set(k, line);
    }
    line.admitted += 1;
    line.byMonth[Number(a.on.slice(5, 7)) - 1] += 1;
  }
  return [...out.values()];
}

/** Admissions per month of the year (index 0 = January). */
export function admissionsByMonth(admissions: readonly DevAdmission[]): number[] {
  const months = Array(12).fill(0) as number[];
  for (const a of admissions) months[Number(a.on.slice(5, 7)) - 1] += 1;
  return months;
}

/** 0.4 → "40%", 0.5714 → "57.1%". */
export const percent = (share: number) => `${Number((share * 100).toFixed(1))}%`;
