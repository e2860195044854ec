/** The party groups of one branch, from the org tree. */
import { Select } from 'antd';
import { useMemo } from 'react';
import { flattenTree, useOrgTree } from '../../api/orgs.ts';

type Props = { id?: string; branchId?: string | null; value?: string | null; onChange?: (v: string | null) => void };

export function GroupPicker({ id, branchId, value, onChange }: Props) {
  const tree = useOrgTree();
  const groups = useMemo(() => {
    if (!branchId || !tree.data) return [];
    const entry = flattenTree(tree.data.roots).get(branchId);
    return (entry?.node.children ?? []).filter((c) => c.kind === 'group' && !c.validTo);
  }, [tree.data, branchId]);
  return (
    <Select
      id={id}
      allowClear
      disabled={!groups.length}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={groups.map((g) => ({ value: g.id, label: g.name }))}
    />
  );
}
