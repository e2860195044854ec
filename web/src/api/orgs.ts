/** The org tree, fetched once per as-of date and shared by the navigator and every org picker. */
import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { OrgKind, OrgNode } from './types.ts';

export function useOrgTree(asOf?: string | null, enabled = true) {
  return useQuery({
    queryKey: ['orgs', 'tree', asOf ?? null],
    queryFn: () => api.get<{ roots: OrgNode[] }>('/orgs/tree', { asOf: asOf ?? undefined }),
    enabled,
    staleTime: 60_000,
  });
}

export function flattenTree(roots: OrgNode[]): Map<string, { node: OrgNode; path: OrgNode[] }> {
  const out = new Map<string, { node: OrgNode; path: OrgNode[] }>();
  const walk = (node: OrgNode, path: OrgNode[]) => {
    out.set(node.id, { node, path });
    for (const c of node.children ?? []) walk(c, [...path, node]);
  };
  for (const r of roots) walk(r, []);
  return out;
}

/** Ids of every org inside the subtrees rooted at `rootIds` (the account's write scope). */
export function subtreeIds(roots: OrgNode[], rootIds: string[]): Set<string> {
  const out = new Set<string>();
  const wanted = new Set(rootIds);
  const walk = (node: OrgNode, inside: boolean) => {
    const now = inside || wanted.has(node.id);
    if (now) out.add(node.id);
    for (const c of node.children ?? []) walk(c, now);
  };
  for (const r of roots) walk(r, false);
  return out;
}

export type TreeOption = {
  value: string;
  title: string;
  label: string;
  disabled?: boolean;
  selectable?: boolean;
  children?: TreeOption[];
};

/** TreeSelect options; `selectable` says which kinds may be picked (others stay as folders). */
export function toTreeOptions(roots: OrgNode[], selectable?: OrgKind[], allowed?: Set<string>): TreeOption[] {
  const map = (n: OrgNode): TreeOption => {
    const can = (!selectable || selectable.includes(n.kind)) && (!allowed || allowed.has(n.id));
    return {
      value: n.id,
      title: `${n.name}（${n.code}）`,
      label: n.name,
      selectable: can,
      disabled: false,
      children: n.children?.length ? n.children.map(map) : undefined,
    };
  };
  return roots.map(map);
}
