/** Facts the member-level rules (LIFE-11, 13, 14, 22, MEM-01, 03) read, computed by `src/db/facts/member.ts`. */
export type MemberFacts = Record<string, never>;
