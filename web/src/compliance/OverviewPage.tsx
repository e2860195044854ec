/**
 * 高校合规对比 (oversight viewer): the universities under the oversight body side by side —
 * breaches and warnings as bars, and a table with branches, members, findings by family and score.
 */
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Space, Spin, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client.ts';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { scoreColor } from './labels.tsx';
import { dashboardLink } from './links.ts';
import { families, type OverviewRow } from './types.ts';

const CompareChart = lazy(() => import('./charts.tsx').then((m) => ({ default: m.CompareChart })));

export default function OverviewPage() {
  const { t } = useI18n();
  const overview = useQuery({
    queryKey: ['compliance', 'overview'],
    queryFn: () => api.get<OverviewRow[]>('/compliance/overview'),
  });
  const rows = overview.data ?? [];
  // Only the families some university has findings in get a column.
  const shown = families.filter((f) => rows.some((r) => (r.byFamily[f] ?? 0) > 0));
  const columns: ColumnsType<OverviewRow> = [
    {
      title: t('co.university'),
      key: 'university',
      fixed: 'left',
      render: (_, r) => <Link to={dashboardLink(r.university.id)}>{r.university.name}</Link>,
    },
    { title: t('co.branches'), dataIndex: 'branches', align: 'right', sorter: (a, b) => a.branches - b.branches },
    { title: t('co.members'), dataIndex: 'members', align: 'right', sorter: (a, b) => a.members - b.members },
    { title: t('cd.breach'), dataIndex: 'breach', align: 'right', sorter: (a, b) => a.breach - b.breach },
    { title: t('cd.warning'), dataIndex: 'warning', align: 'right', sorter: (a, b) => a.warning - b.warning },
    ...shown.map((f) => ({
      title: t.label('family', f),
      key: f,
      align: 'right' as const,
      render: (_: unknown, r: OverviewRow) => r.byFamily[f] ?? 0,
    })),
    {
      title: t('cd.score'),
      dataIndex: 'score',
      align: 'right',
      sorter: (a, b) => a.score - b.score,
      render: (s: number) => <strong style={{ color: scoreColor(s) }}>{s}</strong>,
    },
  ];
  return (
    <QueryState query={overview}>
      {() =>
        rows.length === 0 ? (
          <Empty description={t('co.none')} />
        ) : (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={`${t('co.title')} · ${t('co.chart')}`}>
              <Suspense
                fallback={
                  <div style={{ height: 320, display: 'grid', placeItems: 'center' }}>
                    <Spin />
                  </div>
                }
              >
                <CompareChart
                  names={rows.map((r) => r.university.name)}
                  breach={rows.map((r) => r.breach)}
                  warning={rows.map((r) => r.warning)}
                  labels={{ breach: t('severity.breach'), warning: t('severity.warning') }}
                />
              </Suspense>
            </Card>
            <Card title={t('co.title')}>
              <Table<OverviewRow>
                data-testid="overview-table"
                rowKey={(r) => r.university.id}
                size="middle"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={rows}
                columns={columns}
              />
            </Card>
          </Space>
        )
      }
    </QueryState>
  );
}
