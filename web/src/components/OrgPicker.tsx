/** A searchable tree picker over the org tree (branch picker, new parent, filter scope). */
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { subtreeIds, toTreeOptions, useOrgTree } from '../api/orgs.ts';
import type { OrgKind } from '../api/types.ts';

type Props = {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** Kinds that may be chosen; others are shown but not selectable. */
  kinds?: OrgKind[];
  /** Only orgs inside these subtrees may be chosen (write scope). */
  withinRoots?: string[];
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'aria-label'?: string;
};

export function OrgPicker({ id, value, onChange, kinds, withinRoots, placeholder, allowClear, style, ...rest }: Props) {
  const tree = useOrgTree();
  const options = useMemo(() => {
    const roots = tree.data?.roots ?? [];
    const allowed = withinRoots?.length ? subtreeIds(roots, withinRoots) : undefined;
    return toTreeOptions(roots, kinds, allowed);
  }, [tree.data, kinds, withinRoots]);
  return (
    <TreeSelect
      id={id}
      aria-label={rest['aria-label']}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v as string | undefined)}
      treeData={options}
      loading={tree.isLoading}
      showSearch
      treeNodeFilterProp="title"
      treeNodeLabelProp="label"
      placeholder={placeholder}
      allowClear={allowClear}
      treeDefaultExpandAll={false}
      treeDefaultExpandedKeys={options.map((o) => o.value)}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto', minWidth: 320 } } }}
    />
  );
}
