/** Terms in this subtree that end within 90 days or are overdue: re-elections to prepare. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { flattenTree, subtreeIds, useOrgTree } from '../../api/orgs.ts';
import type { Items, Term } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Countdown } from './TermsPanel.tsx';

export function ExpiringTerms({ rootId }: { rootId: string }) {
  const { t } = useI18n();
  const tree = useOrgTree();
  const expiring = useQuery({
    queryKey: ['orgs', 'terms', 'expiring'],
    queryFn: () => api.get<Items<Term>>('/terms/expiring', { withinDays: 90 }),
  });
  const rows = useMemo(() => {
    const roots = tree.data?.roots ?? [];
    const inside = subtreeIds(roots, [rootId]);
    const names = flattenTree(roots);
    return (expiring.data?.items ?? [])
      .filter((term) => inside.has(term.orgId))
      .map((term) => {
        // A group's name ("第一党小组") only means something with its branch beside it.
        const entry = names.get(term.orgId);
        const parent = entry?.node.kind === 'group' ? entry.path[entry.path.length - 1]?.name : null;
        const name = term.orgName ?? entry?.node.name ?? term.orgId;
        return { ...term, orgName: parent ? `${parent} · ${name}` : name };
      })
      .sort((a, b) => a.daysLeft - b.daysLeft);
  }, [tree.data, expiring.data, rootId]);
  if (expiring.isError) return <Alert type="error" title={(expiring.error as Error).message} />;
  if (!rows.length) return null;
  return (
    <Card size="small" title={`${t('term.expiring')}（${rows.length}）`} data-testid="expiring-terms">
      <Table
        size="small"
        rowKey="id"
        dataSource={rows}
        loading={expiring.isLoading}
        pagination={rows.length > 10 ? { pageSize: 10 } : false}
        scroll={{ x: 520 }}
        columns={[
          {
            title: t('org.name'),
            dataIndex: 'orgName',
            render: (n, r) => <Link to={`/orgs/${r.orgId}`}>{n}</Link>,
          },
          { title: t('term.electedOn'), dataIndex: 'electedOn', width: 120 },
          { title: t('term.endsOn'), dataIndex: 'endsOn', width: 120 },
          {
            title: t('term.daysLeft'),
            dataIndex: 'daysLeft',
            width: 160,
            render: (d: number) => <Countdown t={t} daysLeft={d} />,
          },
          {
            title: t('term.vacant'),
            dataIndex: 'vacantRoles',
            render: (roles: string[]) => (roles?.length ? roles.map((r) => t.label('position', r)).join('、') : '—'),
          },
        ]}
      />
    </Card>
  );
}
