/** Facts the branch-level LIFE rules read, computed by `src/db/facts/life.ts` for a whole scope and range. */
export type LifeFacts = Record<string, never>;
