/**
 * The org tree navigator: searchable by name or code, with an as-of date to see the tree as it
 * was. Picking a node opens its org page, or narrows the member list when that is open, or the
 * development page shown.
 */
import { ApartmentOutlined, ClusterOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, DatePicker, Empty, Input, Spin, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { flattenTree, useOrgTree } from '../api/orgs.ts';
import type { OrgNode } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';

const kindIcon: Record<string, ReactNode> = {
  university: <ApartmentOutlined />,
  college: <ClusterOutlined />,
  branch: <TeamOutlined />,
  group: <UserOutlined />,
};

/** Pages that list things of an org subtree: picking a node narrows them instead of leaving. */
const orgFilteredPaths = [
  '/members',
  '/meetings',
  '/meetings/makeups',
  '/plans',
  '/reports',
  '/appraisals',
  '/ledger',
  '/life/counts',
];

/** Compliance pages scope by `?org=`: picking a node moves them to that org. */
const orgScopedPaths = ['/compliance', '/compliance/findings', '/compliance/scorecard'];

/** Development pages narrow by `?orgId=` where they are. */
const developmentFilteredPaths = [
  '/development',
  '/development/cases',
  '/development/queue',
  '/development/roster',
  '/development/plans',
  '/development/pool-analyses',
  '/development/contacts',
];

/** Where picking a node leads from a development page: the page itself, or the list a case (or the import) belongs to. */
function developmentTarget(pathname: string): string | null {
  if (developmentFilteredPaths.includes(pathname)) return pathname;
  if (pathname.startsWith('/development/cases/')) return '/development/cases';
  if (pathname.startsWith('/development/')) return '/development';
  return null;
}

function matches(node: OrgNode, q: string) {
  return node.name.toLowerCase().includes(q) || node.code.toLowerCase().includes(q);
}

/** Keeps the nodes that match and their ancestors; collects ancestors to expand. */
function filterTree(nodes: OrgNode[], q: string, expand: Set<string>): OrgNode[] {
  const out: OrgNode[] = [];
  for (const n of nodes) {
    const kids = filterTree(n.children ?? [], q, expand);
    if (matches(n, q) || kids.length) {
      if (kids.length) expand.add(n.id);
      out.push({ ...n, children: matches(n, q) && !kids.length ? n.children : kids });
    }
  }
  return out;
}

export function OrgNavigator({ onPicked }: { onPicked?: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [q, setQ] = useState('');
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const asOfText = asOf ? asOf.format('YYYY-MM-DD') : null;
  const tree = useOrgTree(asOfText);

  const selectedId = location.pathname.startsWith('/orgs/')
    ? location.pathname.split('/')[2]
    : orgFilteredPaths.includes(location.pathname) || developmentFilteredPaths.includes(location.pathname)
      ? params.get('orgId')
      : orgScopedPaths.includes(location.pathname)
        ? params.get('org')
        : null;

  const { treeData, searchExpanded } = useMemo(() => {
    const roots = tree.data?.roots ?? [];
    const query = q.trim().toLowerCase();
    const expand = new Set<string>();
    const shown = query ? filterTree(roots, query, expand) : roots;
    const toData = (n: OrgNode): DataNode => ({
      key: n.id,
      icon: kindIcon[n.kind],
      title: (
        <span>
          {n.name}
          {typeof n.memberCount === 'number' && n.kind !== 'university' && (
            <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>
              {n.memberCount}
            </Typography.Text>
          )}
          {n.validTo && (
            <Tag style={{ marginLeft: 4 }} color="default">
              {t('org.dissolved')}
            </Tag>
          )}
        </span>
      ),
      children: n.children?.length ? n.children.map(toData) : undefined,
    });
    return { treeData: shown.map(toData), searchExpanded: query ? [...expand] : null };
  }, [tree.data, q, t]);

  const defaultExpanded = useMemo(() => (tree.data?.roots ?? []).map((r) => r.id), [tree.data]);

  // Opening an org from a link or the address reveals it in the tree.
  useEffect(() => {
    if (!selectedId || !tree.data) return;
    const entry = flattenTree(tree.data.roots).get(selectedId);
    if (!entry) return;
    setExpanded((keys) => {
      const base = keys ?? (tree.data?.roots ?? []).map((r) => r.id);
      const missing = entry.path.map((n) => n.id).filter((id) => !base.includes(id));
      return missing.length ? [...base, ...missing] : base;
    });
  }, [selectedId, tree.data]);

  const pick = (id: string) => {
    const development = developmentTarget(location.pathname);
    if (development) {
      // The page's other filters stay (stage, year…); its page number and picked college start over.
      const next = new URLSearchParams(development === location.pathname ? params : undefined);
      next.set('orgId', id);
      next.delete('page');
      next.delete('college');
      navigate(`${development}?${next.toString()}`);
    } else if (orgScopedPaths.includes(location.pathname)) {
      const next = new URLSearchParams(params);
      next.set('org', id);
      next.delete('page');
      navigate(`${location.pathname}?${next.toString()}`);
    } else if (orgFilteredPaths.includes(location.pathname)) {
      const next = new URLSearchParams(params);
      next.set('orgId', id);
      next.delete('page');
      navigate(`/members?${next.toString()}`);
    } else {
      navigate(`/orgs/${id}`);
    }
    onPicked?.();
  };

  return (
    <nav className="zb-tree-panel" aria-label={t('nav.tree')}>
      <Input.Search
        aria-label={t('tree.search')}
        placeholder={t('tree.search')}
        allowClear
        size="small"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        style={{ marginBottom: 8 }}
      />
      <DatePicker
        aria-label={t('tree.asOf')}
        placeholder={`${t('tree.asOf')}：${t('common.today')}`}
        size="small"
        value={asOf}
        onChange={(d) => setAsOf(d)}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        style={{ width: '100%', marginBottom: 8 }}
      />
      {asOfText && (
        <Alert
          type="info"
          showIcon
          title={t('tree.historic', { date: asOfText })}
          style={{ marginBottom: 8, padding: '2px 8px' }}
        />
      )}
      <div className="zb-tree-scroll" data-testid="org-tree">
        {tree.isLoading ? (
          <Spin size="small" />
        ) : tree.isError ? (
          <Alert type="error" title={(tree.error as Error).message} />
        ) : treeData.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tree.empty')} />
        ) : (
          <Tree
            showIcon
            blockNode
            treeData={treeData}
            selectedKeys={selectedId ? [selectedId] : []}
            expandedKeys={searchExpanded ?? expanded ?? defaultExpanded}
            onExpand={(keys) => setExpanded(keys as string[])}
            onSelect={(keys, info) => pick(String(keys[0] ?? info.node.key))}
          />
        )}
      </div>
    </nav>
  );
}
