/** Facts the ORG rules read, computed by `src/db/facts/structure.ts` for a whole scope as of asOf. */
export type StructureFacts = Record<string, never>;
