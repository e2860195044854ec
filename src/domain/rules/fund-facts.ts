/** Facts the FUND rules read, computed by `src/db/facts/funds.ts`; money is integer fen. */

/** A college-level organization (二级党组织): a college, or a branch directly under the university. */
export type FundOrg = { orgId: string; tenantId: string; validFrom: string; validTo: string | null };

export type FundYear = {
  orgId: string;
  year: number;
  /** Members in normal standing in the org's subtree on the year's first day (or the org's first day). */
  staffMembers: number;
  studentMembers: number;
  budget: number | null;
  allocated: number;
  spent: number;
  expenses: number;
};

export type FundFacts = { orgs: FundOrg[]; years: FundYear[] };

/** FUND-01's floor: perStaff × staff members + perStudent × student members, in fen. */
export const minimumBudget = (
  y: { staffMembers: number; studentMembers: number },
  perStaff: number,
  perStudent: number,
) => y.staffMembers * perStaff + y.studentMembers * perStudent;

/** 12345 fen → "123.45". */
export const formatYuan = (fen: number) =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100).toLocaleString('en-US')}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
