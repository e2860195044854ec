/**
 * A branch's score card: its compliance score and, rule by rule, whether it is met, how many
 * findings are open and the latest period with a finding. Rules with problems come first.
 */
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Progress, Row, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { api } from '../api/client.ts';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { inLocale, RuleStatusTag, scoreColor } from './labels.tsx';
import type { Scorecard as ScorecardData } from './types.ts';

type RuleRow = ScorecardData['rules'][number];
const statusOrder: Record<string, number> = { breach: 0, warning: 1, ok: 2 };

export function Scorecard({ orgId, title }: { orgId: string; title?: string }) {
  const { t, locale } = useI18n();
  const card = useQuery({
    queryKey: ['compliance', 'scorecard', orgId],
    queryFn: () => api.get<ScorecardData>('/compliance/scorecard', { org: orgId }),
  });
  const columns: ColumnsType<RuleRow> = [
    {
      title: t('sc.rule'),
      dataIndex: 'rule',
      width: 100,
      render: (rule: string) => <Link to={`/compliance/findings?org=${orgId}&rule=${rule}&status=all`}>{rule}</Link>,
    },
    { title: t('sc.ruleTitle'), key: 'title', render: (_, r) => inLocale(locale, r.title) },
    { title: t('cf.family'), dataIndex: 'family', width: 130, render: (f: string) => t.label('family', f) },
    {
      title: t('sc.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: string) => <RuleStatusTag t={t} status={s} />,
    },
    {
      title: t('sc.open'),
      dataIndex: 'open',
      width: 100,
      align: 'right',
      render: (n: number, r) => (n > 0 ? <Link to={`/compliance/findings?org=${orgId}&rule=${r.rule}`}>{n}</Link> : 0),
    },
    { title: t('sc.lastPeriod'), dataIndex: 'lastPeriod', width: 110, render: (p: string | null) => p ?? '—' },
  ];
  return (
    <QueryState query={card}>
      {() => {
        const data = card.data as ScorecardData;
        const rules = [...data.rules].sort(
          (a, b) => statusOrder[a.status] - statusOrder[b.status] || a.rule.localeCompare(b.rule),
        );
        const count = (s: string) => data.rules.filter((r) => r.status === s).length;
        return (
          <Card title={title ?? `${t('sc.title')} · ${data.org.name}`} data-testid="scorecard">
            <Row gutter={[16, 16]} align="middle" style={{ marginBottom: 16 }}>
              <Col xs={24} sm={8} md={6} style={{ textAlign: 'center' }}>
                <Progress
                  type="dashboard"
                  percent={data.score}
                  strokeColor={scoreColor(data.score)}
                  format={(p) => <span data-testid="score">{p}</span>}
                />
                <div>{t('sc.score')}</div>
              </Col>
              <Col xs={8} sm={5}>
                <Statistic
                  title={t('ruleStatus.breach')}
                  value={count('breach')}
                  styles={{ content: { color: '#cf1322' } }}
                />
              </Col>
              <Col xs={8} sm={5}>
                <Statistic
                  title={t('ruleStatus.warning')}
                  value={count('warning')}
                  styles={{ content: { color: '#d46b08' } }}
                />
              </Col>
              <Col xs={8} sm={5}>
                <Statistic title={t('ruleStatus.ok')} value={count('ok')} styles={{ content: { color: '#389e0d' } }} />
              </Col>
            </Row>
            <Table<RuleRow>
              data-testid="scorecard-rules"
              rowKey="rule"
              size="small"
              pagination={false}
              scroll={{ x: 700 }}
              dataSource={rules}
              columns={columns}
            />
          </Card>
        );
      }}
    </QueryState>
  );
}
