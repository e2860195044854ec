/**
 * 会议统计: meetings held by any org subtree, by type and by month, quarter or year — a stacked bar
 * chart and the same numbers as a table with totals. The org follows the tree navigator (?orgId=).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Empty, Form, Row, Segmented, Spin, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useOrgTree } from '../../api/orgs.ts';
import { OrgPicker } from '../../components/OrgPicker.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { todayInShanghai } from './hooks.ts';

const CountsChart = lazy(() => import('./CountsChart.tsx'));

type By = 'month' | 'quarter' | 'year';

type CountsResponse = {
  orgId: string;
  from: string;
  to: string;
  by: By;
  periods: string[];
  items: { period: string; type: string; count: number }[];
  totals: Record<string, number>;
};

/** Chart colours in the order of the meeting types; the same hues as the calendar's tags. */
const typeHex: Record<string, string> = {
  generalAssembly: '#f5222d',
  committeeMeeting: '#fa541c',
  groupMeeting: '#fa8c16',
  partyLecture: '#eb2f96',
  themeDay: '#722ed1',
  lifeMeeting: '#2f54eb',
  leadershipLifeMeeting: '#1677ff',
  studyGroupSession: '#13c2c2',
  partyAffairsMeeting: '#a0d911',
  conversation: '#52c41a',
};
const typeOrder = Object.keys(typeHex);
const byType = (a: string, b: string) =>
  (typeOrder.indexOf(a) + 1 || 99) - (typeOrder.indexOf(b) + 1 || 99) || a.localeCompare(b);

type CountRow = { key: string; period: string; counts: Record<string, number>; total: number };

export default function CountsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tree = useOrgTree();
  const year = todayInShanghai().slice(0, 4);
  const orgId = params.get('orgId') ?? tree.data?.roots[0]?.id;
  const from = params.get('from') ?? `${year}-01-01`;
  const to = params.get('to') ?? `${year}-12-31`;
  const by = (['month', 'quarter', 'year'].includes(params.get('by') ?? '') ? params.get('by') : 'month') as By;

  const set = (values: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(values)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const counts = useQuery({
    queryKey: ['life', 'counts', { orgId, from, to, by }],
    queryFn: () => api.get<CountsResponse>('/life/counts', { orgId, from, to, by }),
    enabled: Boolean(orgId),
    placeholderData: keepPreviousData,
  });

  const { types, rows, series } = useMemo(() => {
    const data = counts.data;
    if (!data) return { types: [] as string[], rows: [] as CountRow[], series: [] };
    const types = Object.keys(data.totals)
      .filter((k) => data.totals[k] > 0)
      .sort(byType);
    const rows: CountRow[] = data.periods.map((period) => ({ key: period, period, counts: {}, total: 0 }));
    const index = new Map(rows.map((r) => [r.period, r]));
    for (const it of data.items) {
      const row = index.get(it.period);
      if (!row) continue;
      row.counts[it.type] = (row.counts[it.type] ?? 0) + it.count;
      row.total += it.count;
    }
    const series = types.map((type) => ({
      name: t.label('meetingType', type),
      color: typeHex[type],
      data: rows.map((r) => r.counts[type] ?? 0),
    }));
    return { types, rows, series };
  }, [counts.data, t]);

  const grandTotal = rows.reduce((sum, r) => sum + r.total, 0);

  const columns = [
    { title: t('counts.period'), dataIndex: 'period', key: 'period', fixed: 'left' as const, width: 100 },
    ...types.map((type) => ({
      title: t.label('meetingType', type),
      key: type,
      align: 'right' as const,
      render: (_: unknown, r: CountRow) => r.counts[type] ?? 0,
    })),
    {
      title: t('counts.total'),
      dataIndex: 'total',
      key: 'total',
      align: 'right' as const,
      render: (v: number) => <strong>{v}</strong>,
    },
  ];

  return (
    <Card title={t('counts.title')}>
      <Typography.Paragraph type="secondary">{t('counts.hint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item label={t('counts.org')} required>
              <OrgPicker
                aria-label={t('counts.org')}
                placeholder={t('counts.pickOrg')}
                value={orgId}
                onChange={(v) => set({ orgId: v })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('counts.range')}>
              <DatePicker.RangePicker
                style={{ width: '100%' }}
                allowClear={false}
                value={[dayjs(from), dayjs(to)]}
                onChange={(v) =>
                  v?.[0] && v[1] && set({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })
                }
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t('counts.by')}>
              <Segmented<By>
                aria-label={t('counts.by')}
                value={by}
                onChange={(v) => set({ by: v })}
                options={[
                  { value: 'month', label: t('counts.byMonth') },
                  { value: 'quarter', label: t('counts.byQuarter') },
                  { value: 'year', label: t('counts.byYear') },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {orgId && (
        <QueryState query={counts}>
          {() =>
            grandTotal === 0 ? (
              <Empty description={t('counts.none')} />
            ) : (
              <>
                <Typography.Title level={5}>{t('counts.chart')}</Typography.Title>
                <Suspense
                  fallback={
                    <div style={{ height: 320, display: 'grid', placeItems: 'center' }}>
                      <Spin />
                    </div>
                  }
                >
                  <CountsChart periods={rows.map((r) => r.period)} series={series} />
                </Suspense>
                <Table<CountRow>
                  style={{ marginTop: 16 }}
                  size="small"
                  bordered
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={rows}
                  columns={columns}
                  summary={() => (
                    <Table.Summary fixed>
                      <Table.Summary.Row data-testid="counts-totals">
                        <Table.Summary.Cell index={0}>
                          <strong>{t('counts.total')}</strong>
                        </Table.Summary.Cell>
                        {types.map((type, i) => (
                          <Table.Summary.Cell key={type} index={i + 1} align="right">
                            <strong data-type={type}>{counts.data?.totals[type] ?? 0}</strong>
                          </Table.Summary.Cell>
                        ))}
                        <Table.Summary.Cell index={types.length + 1} align="right">
                          <strong>{grandTotal}</strong>
                        </Table.Summary.Cell>
                      </Table.Summary.Row>
                    </Table.Summary>
                  )}
                />
              </>
            )
          }
        </QueryState>
      )}
    </Card>
  );
}
