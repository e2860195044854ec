/**
 * 发展看板: how many people stand at each stage in a college or branch, one card per stage, and the
 * same per branch, with the cases that have open findings (stuck or late) in red. Every number
 * opens the list behind it.
 */
import { WarningOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useOrgTree } from '../api/orgs.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { type DevDue, type DueEntry, type PipelineBranch, useDue, usePipeline } from './api.ts';
import { type DevStage, devStages, openStages, stageColor, stageName } from './names.ts';

const dueColor: Record<DevDue['state'], string> = { upcoming: 'blue', warning: 'orange', overdue: 'red' };
const stateRank: Record<DevDue['state'], number> = { overdue: 0, warning: 1, upcoming: 2 };

/** What the cases owe next, the late first: the organizer's and the secretary's to-do list. */
function DueList({ orgId }: { orgId: string }) {
  const { t, locale } = useI18n();
  const due = useDue(orgId);
  const items = [...(due.data?.items ?? [])].sort(
    (a, b) => stateRank[a.due.state] - stateRank[b.due.state] || (a.due.due < b.due.due ? -1 : 1),
  );
  const columns = [
    {
      title: t('dev.person'),
      key: 'person',
      render: (_: unknown, r: DueEntry) => (
        <Link to={`/development/cases/${r.case.id}`}>{`${r.case.person.name}（${r.case.person.code}）`}</Link>
      ),
    },
    { title: t('dev.branch'), key: 'org', render: (_: unknown, r: DueEntry) => r.case.org.name },
    {
      title: t('dev.stage'),
      key: 'stage',
      render: (_: unknown, r: DueEntry) => (
        <Tag color={stageColor[r.case.stage]}>{stageName(r.case.stage, locale)}</Tag>
      ),
    },
    {
      title: t('dev.dueNext'),
      key: 'what',
      render: (_: unknown, r: DueEntry) => (locale === 'zh-CN' ? r.due.label.zh : r.due.label.en),
    },
    {
      title: t('dev.due'),
      key: 'due',
      render: (_: unknown, r: DueEntry) => (
        <Tag color={dueColor[r.due.state]}>
          {`${r.due.state === 'overdue' ? t('dev.late') : r.due.state === 'warning' ? t('dev.dueSoon') : t('dev.due')} ${r.due.due}`}
        </Tag>
      ),
    },
    { title: t('dev.ruleColumn'), key: 'rule', render: (_: unknown, r: DueEntry) => r.due.rule },
  ];
  return (
    <QueryState query={due}>
      {() => (
        <Table<DueEntry>
          data-testid="dev-due"
          rowKey={(r) => `${r.case.id}-${r.due.kind}`}
          size="small"
          scroll={{ x: 760 }}
          dataSource={items}
          columns={columns}
          locale={{ emptyText: t('dev.nothingDue') }}
          pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        />
      )}
    </QueryState>
  );
}

const listLink = (orgId: string, stage?: DevStage) =>
  `/development/cases?orgId=${orgId}${stage ? `&stage=${stage}` : ''}`;

export default function PipelinePage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const tree = useOrgTree();
  const orgId = params.get('orgId') ?? tree.data?.roots[0]?.id;
  const pipeline = usePipeline(orgId);
  const closed = devStages.filter((s) => !openStages.includes(s));
  const flagged = (pipeline.data?.branches ?? []).reduce((n, b) => n + b.withFindings, 0);

  const columns = [
    {
      title: t('dev.branch'),
      key: 'org',
      fixed: 'left' as const,
      render: (_: unknown, b: PipelineBranch) => <Link to={listLink(b.org.id)}>{b.org.name}</Link>,
    },
    ...devStages.map((s) => ({
      title: stageName(s, locale),
      key: s,
      align: 'right' as const,
      render: (_: unknown, b: PipelineBranch) =>
        b.counts[s] ? <Link to={listLink(b.org.id, s)}>{b.counts[s]}</Link> : '',
    })),
    {
      title: t('dev.flagged'),
      key: 'flagged',
      align: 'right' as const,
      render: (_: unknown, b: PipelineBranch) =>
        b.withFindings ? (
          <Tag color="red" icon={<WarningOutlined />}>
            {b.withFindings}
          </Tag>
        ) : (
          ''
        ),
    },
  ];

  return (
    <Card title={t('dev.pipelineTitle')}>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12}>
          <OrgPicker
            aria-label={t('dev.org')}
            value={orgId}
            onChange={(v) => {
              const next = new URLSearchParams(params);
              if (v) next.set('orgId', v);
              else next.delete('orgId');
              setParams(next, { replace: true });
            }}
            placeholder={t('dev.pickOrg')}
          />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">{t('dev.pipelineHint')}</Typography.Paragraph>
      <QueryState query={pipeline}>
        {() => {
          const data = pipeline.data;
          if (!data || !orgId) return null;
          return (
            <>
              <Row gutter={[12, 12]} data-testid="pipeline-board">
                {openStages.map((s) => (
                  <Col key={s} xs={12} md={6}>
                    <Link to={listLink(orgId, s)}>
                      <Card hoverable size="small" data-stage={s}>
                        <Statistic title={stageName(s, locale)} value={data.totals[s] ?? 0} />
                      </Card>
                    </Link>
                  </Col>
                ))}
              </Row>
              <Row gutter={[8, 8]} style={{ marginTop: 12 }}>
                {closed.map((s) => (
                  <Col key={s}>
                    <Link to={listLink(orgId, s)}>
                      <Tag>{`${stageName(s, locale)} ${data.totals[s] ?? 0}`}</Tag>
                    </Link>
                  </Col>
                ))}
                {flagged > 0 && (
                  <Col>
                    <Tag color="red" icon={<WarningOutlined />}>
                      {t('dev.lateCount', { count: flagged })}
                    </Tag>
                  </Col>
                )}
              </Row>
              <Typography.Title level={5} style={{ marginTop: 24 }}>
                {t('dev.byBranch')}
              </Typography.Title>
              <Table<PipelineBranch>
                rowKey={(b) => b.org.id}
                size="small"
                scroll={{ x: 900 }}
                dataSource={data.branches}
                columns={columns}
                pagination={data.branches.length > 50 ? { pageSize: 50 } : false}
              />
              <Typography.Title level={5} style={{ marginTop: 24 }}>
                {t('dev.dueList')}
              </Typography.Title>
              <DueList orgId={orgId} />
            </>
          );
        }}
      </QueryState>
    </Card>
  );
}
