/**
 * 合规监测看板 (organization department): the heat map of the orgs below the current one × rule
 * family, drilling down university → college → branch (a branch shows its score card), a
 * breadcrumb back up, the trend by period, and re-evaluation with the last run. The current org
 * is in the address (?org=), so every level can be linked and the back button walks back up.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Breadcrumb,
  Button,
  Card,
  Col,
  Empty,
  Row,
  Segmented,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { flattenTree, useOrgTree } from '../api/orgs.ts';
import { useSession } from '../auth/session.tsx';
import { showApiError } from '../components/forms.ts';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { FindingsTable } from './FindingsTable.tsx';
import { atShanghai, scoreColor } from './labels.tsx';
import { dashboardLink } from './links.ts';
import { Scorecard } from './Scorecard.tsx';
import type { EvaluateResult, FindingItem, Heatmap, HeatRow, RunView, TrendPoint } from './types.ts';

const HeatChart = lazy(() => import('./charts.tsx').then((m) => ({ default: m.HeatChart })));
const TrendChart = lazy(() => import('./charts.tsx').then((m) => ({ default: m.TrendChart })));

type By = 'quarter' | 'month' | 'year';

/** Open findings shown under a branch's score card; the rest are one click away. */
const BRANCH_FINDINGS = 10;

const chartFallback = (height: number) => (
  <div style={{ height, display: 'grid', placeItems: 'center' }}>
    <Spin />
  </div>
);

function LastRun({ orgId, result }: { orgId: string | undefined; result: EvaluateResult | undefined }) {
  const { t } = useI18n();
  const runs = useQuery({
    queryKey: ['compliance', 'runs', orgId ?? null],
    queryFn: () => api.get<{ items: RunView[] }>('/compliance/runs', { org: orgId }),
  });
  const last = runs.data?.items[0];
  return (
    <Space orientation="vertical" size={0} data-testid="last-run">
      <Typography.Text type="secondary">
        {last
          ? t('cd.lastRun', { at: atShanghai(last.startedAt), by: last.actorName, ms: last.durationMs })
          : runs.isLoading
            ? t('common.loading')
            : t('cd.neverRun')}
      </Typography.Text>
      {result && <Typography.Text type="secondary">{t('cd.runCounts', result.counts)}</Typography.Text>}
    </Space>
  );
}

function Trend({ orgId }: { orgId: string | undefined }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const by = (['quarter', 'month', 'year'].includes(params.get('by') ?? '') ? params.get('by') : 'quarter') as By;
  const trend = useQuery({
    queryKey: ['compliance', 'trend', orgId ?? null, by],
    queryFn: () => api.get<TrendPoint[]>('/compliance/trend', { org: orgId, by }),
    placeholderData: keepPreviousData,
  });
  return (
    <Card
      title={t('cd.trend')}
      extra={
        <Segmented<By>
          size="small"
          value={by}
          onChange={(v) => {
            const next = new URLSearchParams(params);
            next.set('by', v);
            setParams(next, { replace: true });
          }}
          options={[
            { value: 'month', label: t('cd.byMonth') },
            { value: 'quarter', label: t('cd.byQuarter') },
            { value: 'year', label: t('cd.byYear') },
          ]}
        />
      }
    >
      <QueryState query={trend}>
        {() =>
          trend.data?.length ? (
            <Suspense fallback={chartFallback(260)}>
              <TrendChart
                periods={trend.data.map((p) => p.period)}
                breach={trend.data.map((p) => p.breach)}
                warning={trend.data.map((p) => p.warning)}
                labels={{ breach: t('severity.breach'), warning: t('severity.warning') }}
              />
            </Suspense>
          ) : (
            <Empty description={t('cd.noTrend')} />
          )
        }
      </QueryState>
    </Card>
  );
}

function HeatmapSection({ orgId }: { orgId: string | undefined }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const heat = useQuery({
    queryKey: ['compliance', 'heatmap', orgId ?? null],
    queryFn: () => api.get<Heatmap>('/compliance/heatmap', { org: orgId }),
    placeholderData: keepPreviousData,
  });
  const columns: ColumnsType<HeatRow> = [
    {
      title: t('cd.org'),
      key: 'org',
      render: (_, r) => <Link to={dashboardLink(r.org.id)}>{r.org.name}</Link>,
    },
    {
      title: t('cd.breach'),
      dataIndex: 'breach',
      width: 90,
      align: 'right',
      sorter: (a, b) => a.breach - b.breach,
    },
    {
      title: t('cd.warning'),
      dataIndex: 'warning',
      width: 90,
      align: 'right',
      sorter: (a, b) => a.warning - b.warning,
    },
    {
      title: t('cd.score'),
      dataIndex: 'score',
      width: 80,
      align: 'right',
      sorter: (a, b) => a.score - b.score,
      render: (s: number) => <strong style={{ color: scoreColor(s) }}>{s}</strong>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, r) => <Link to={`/compliance/findings?org=${r.org.id}`}>{t('cd.findings')}</Link>,
    },
  ];
  return (
    <QueryState query={heat}>
      {() => {
        const data = heat.data as Heatmap;
        const cells = (id: string) => data.rows.find((r) => r.org.id === id)?.cells ?? {};
        return (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card
              title={t('cd.heatmap')}
              extra={<Typography.Text type="secondary">{t('cd.heatHint')}</Typography.Text>}
            >
              {data.rows.length === 0 ? (
                <Empty description={t('cd.noRows')} />
              ) : (
                <Suspense fallback={chartFallback(260)}>
                  <HeatChart
                    rows={data.rows.map((r) => ({ id: r.org.id, name: r.org.name, cells: r.cells }))}
                    families={data.families}
                    familyLabel={(f) => t.label('family', f)}
                    cellText={(row, f) => {
                      const c = cells(row.id)[f] ?? { breach: 0, warning: 0, info: 0 };
                      return t('cd.cell', { org: row.name, family: t.label('family', f), ...c });
                    }}
                    onPick={(id) => navigate(dashboardLink(id))}
                  />
                </Suspense>
              )}
            </Card>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={13}>
                <Card title={t('cd.rows')}>
                  <Table<HeatRow>
                    data-testid="heat-rows"
                    rowKey={(r) => r.org.id}
                    size="small"
                    pagination={false}
                    dataSource={data.rows}
                    columns={columns}
                    scroll={{ x: 520 }}
                  />
                </Card>
              </Col>
              <Col xs={24} xl={11}>
                <Trend orgId={orgId} />
              </Col>
            </Row>
          </Space>
        );
      }}
    </QueryState>
  );
}

/** The branch's open findings, most recent first, with the way to the full filtered list. */
function BranchFindings({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  const list = useQuery({
    queryKey: ['compliance', 'findings', { org: orgId, page: 1, pageSize: BRANCH_FINDINGS }],
    queryFn: () =>
      api.get<{ items: FindingItem[]; total: number }>('/compliance/findings', {
        org: orgId,
        pageSize: BRANCH_FINDINGS,
      }),
  });
  return (
    <Card
      title={
        <Space>
          {t('cd.findings')}
          {list.data && <Tag>{list.data.total}</Tag>}
        </Space>
      }
      extra={<Link to={`/compliance/findings?org=${orgId}`}>{t('ctodo.all')}</Link>}
    >
      <FindingsTable
        items={list.data?.items ?? []}
        loading={list.isLoading}
        pagination={false}
        emptyText={list.isError ? (list.error as Error).message : t('cf.none')}
        hideOrg
      />
    </Card>
  );
}

export default function DashboardPage() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const { abilities } = useSession();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const tree = useOrgTree();
  const flat = useMemo(() => flattenTree(tree.data?.roots ?? []), [tree.data]);
  const param = params.get('org') ?? undefined;
  // Without ?org= the dashboard shows the caller's whole scope: its first root.
  const orgId = param ?? tree.data?.roots[0]?.id;
  const entry = orgId ? flat.get(orgId) : undefined;
  const isBranch = entry?.node.kind === 'branch';

  const evaluate = useMutation({
    mutationFn: () => api.post<EvaluateResult>('/compliance/evaluate', { org: orgId }),
    onSuccess: (r) => {
      message.success(t('cd.runDone', { ms: r.durationMs }));
      queryClient.invalidateQueries({ queryKey: ['compliance'] });
    },
    onError: (e) => showApiError(e, message),
  });

  if (tree.isLoading) return chartFallback(320);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            {t('cd.title')}
            {entry && <Tag>{t.label('kind', entry.node.kind)}</Tag>}
          </Space>
        }
        extra={
          abilities.writes && (
            <Button
              icon={<ReloadOutlined />}
              loading={evaluate.isPending}
              disabled={!orgId}
              onClick={() => evaluate.mutate()}
            >
              {evaluate.isPending ? t('cd.evaluating') : t('cd.evaluate')}
            </Button>
          )
        }
      >
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Breadcrumb
            data-testid="compliance-breadcrumb"
            items={[...(entry?.path ?? []), ...(entry ? [entry.node] : [])].map((n, i, all) => ({
              title: i === all.length - 1 ? n.name : <Link to={dashboardLink(n.id)}>{n.name}</Link>,
            }))}
          />
          <LastRun orgId={orgId} result={evaluate.data} />
        </Space>
      </Card>
      {!orgId ? (
        <Empty description={t('cd.pickOrg')} />
      ) : isBranch ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Scorecard orgId={orgId} />
              <BranchFindings orgId={orgId} />
            </Space>
          </Col>
          <Col xs={24} xl={9}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Trend orgId={orgId} />
            </Space>
          </Col>
        </Row>
      ) : (
        <HeatmapSection orgId={orgId} />
      )}
    </Space>
  );
}
