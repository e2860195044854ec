/** 党费统计: 应缴, 实缴 and the collection rate of every branch, college and the university over a range of months, with dues returned. */
import { Alert, Card, Col, Form, Progress, Row, Select, Table } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { todayInShanghai } from '../pages/life/hooks.ts';
import { rateText, recentMonths, type StatsRow, useStats, yuan } from './api.ts';

type TreeRow = StatsRow & { children?: TreeRow[] };

/** Rows as a tree (university → colleges → branches) for the table. */
function toTree(rows: StatsRow[]): TreeRow[] {
  const byId = new Map<string, TreeRow>(rows.map((r) => [r.orgId, { ...r }]));
  const roots: TreeRow[] = [];
  for (const row of byId.values()) {
    const parent = row.parentId ? byId.get(row.parentId) : undefined;
    if (!parent) roots.push(row);
    else if (parent.children) parent.children.push(row);
    else parent.children = [row];
  }
  return roots;
}

export default function DuesStatsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const months = recentMonths(todayInShanghai(), 36);
  const orgId = params.get('orgId') ?? undefined;
  const to = params.get('to') ?? months[0];
  const from = params.get('from') ?? `${to.slice(0, 4)}-01`;
  const stats = useStats(orgId, from, to);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const monthOptions = months.map((m) => ({ value: m, label: m }));
  return (
    <Card title={t('dues.statsTitle')}>
      <Form layout="vertical">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('dues.org')} required>
              <OrgPicker
                aria-label={t('dues.org')}
                placeholder={t('dues.pickOrg')}
                kinds={['university', 'college', 'branch']}
                value={orgId}
                onChange={(v) => set('orgId', v)}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('dues.from')}>
              <Select
                aria-label={t('dues.from')}
                value={from}
                onChange={(v) => set('from', v)}
                options={monthOptions}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('dues.to')}>
              <Select aria-label={t('dues.to')} value={to} onChange={(v) => set('to', v)} options={monthOptions} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {!orgId ? (
        <Alert type="info" title={t('dues.pickOrgFirst')} showIcon />
      ) : (
        <QueryState query={stats}>
          {() => (
            <Table<TreeRow>
              rowKey="orgId"
              size="small"
              dataSource={toTree(stats.data?.rows ?? [])}
              pagination={false}
              expandable={{ defaultExpandAllRows: true }}
              columns={[
                { title: t('dues.org'), dataIndex: 'name' },
                { title: t('dues.kind'), dataIndex: 'kind', width: 110, render: (k: string) => t.label('kind', k) },
                { title: t('dues.members'), dataIndex: 'members', width: 90, align: 'right' },
                { title: t('dues.due'), dataIndex: 'due', width: 110, align: 'right', render: (v: number) => yuan(v) },
                {
                  title: t('dues.paid'),
                  dataIndex: 'paid',
                  width: 110,
                  align: 'right',
                  render: (v: number) => yuan(v),
                },
                {
                  title: t('dues.rate'),
                  dataIndex: 'rate',
                  width: 170,
                  render: (r: number | null) =>
                    r === null ? (
                      '—'
                    ) : (
                      <Progress
                        percent={Math.min(100, Math.round(r * 1000) / 10)}
                        size="small"
                        format={() => rateText(r)}
                        status={r >= 1 ? 'success' : 'normal'}
                      />
                    ),
                },
                { title: t('dues.withoutBase'), dataIndex: 'withoutBase', width: 90, align: 'right' },
                {
                  title: t('dues.returned'),
                  dataIndex: 'returned',
                  width: 110,
                  align: 'right',
                  render: (v: number) => yuan(v),
                },
              ]}
            />
          )}
        </QueryState>
      )}
    </Card>
  );
}
