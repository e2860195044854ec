/** Facts the DUES rules read, computed by `src/db/facts/dues.ts` for a whole scope at once. */
import type { MemberDuesRecords } from '../dues/ledger.ts';

export type DuesMemberFacts = MemberDuesRecords & {
  /** The member's org as of asOf, or null when they no longer owe dues (left, lapsed, deceased). */
  currentOrgId: string | null;
};

export type DuesFacts = {
  /** First month the owed months start from (earlier months are not loaded). */
  fromMonth: string;
  /** Last month loaded: the month of asOf. */
  toMonth: string;
  members: DuesMemberFacts[];
  /** Dues returned to grassroots organizations of the scope, per org and year (DUES-04). */
  returns: { orgId: string; year: number; amount: number }[];
};
