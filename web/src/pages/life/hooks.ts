/** Small hooks shared by the organizational-life pages. */
import { useMemo } from 'react';
import { subtreeIds, useOrgTree } from '../../api/orgs.ts';
import { useSession } from '../../auth/session.tsx';

/**
 * Whether the account may change things of this org: inside one of its writing grants' subtrees.
 * Only decides which buttons are offered; the server decides what a request may do.
 */
export function useCanWrite(orgId: string | null | undefined): boolean {
  const { abilities } = useSession();
  const platform = abilities.roles.includes('platformAdmin');
  const tree = useOrgTree(null, abilities.writes && !platform);
  return useMemo(() => {
    if (!orgId || !abilities.writes) return false;
    if (platform) return true;
    return subtreeIds(tree.data?.roots ?? [], abilities.writeRoots).has(orgId);
  }, [orgId, abilities, platform, tree.data]);
}

/** Today in Asia/Shanghai as YYYY-MM-DD, the API's "today". */
export function todayInShanghai(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}
