/** 我的党费: a member's own dues — the base and monthly amount, arrears, and the month-by-month ledger. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Statistic, Table, Tag } from 'antd';
import { api } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { yuan } from './api.ts';

type LedgerMonth = {
  month: string;
  category: string | null;
  base: number | null;
  basisPoints: number | null;
  due: number | null;
  paid: number;
  outstanding: number;
  late: boolean;
  reason: string | null;
};
type MemberDues = {
  personName: string;
  ledger: LedgerMonth[];
  arrears: { months: string[]; amount: number; consecutiveUnpaid: number };
};

export default function MyDuesPage() {
  const { t } = useI18n();
  const { account } = useSession();
  const personId = account?.personId;
  const dues = useQuery({
    queryKey: ['dues', 'person', personId],
    queryFn: () => api.get<MemberDues>(`/dues/people/${personId}`),
    enabled: !!personId,
  });
  if (!personId) return <Alert type="info" showIcon title={t('dues.noPerson')} />;
  return (
    <Card title={t('dues.myTitle')}>
      <QueryState query={dues}>
        {() => {
          const data = dues.data as MemberDues;
          const latest = data.ledger[data.ledger.length - 1];
          return (
            <>
              <Row gutter={16} style={{ marginBottom: 16 }}>
                <Col xs={12} md={6}>
                  <Statistic
                    title={t('dues.monthly')}
                    value={latest?.due === null || !latest ? '—' : yuan(latest.due)}
                  />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('dues.arrears')} value={yuan(data.arrears.amount)} />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('dues.arrearsMonths')} value={data.arrears.months.length} />
                </Col>
              </Row>
              <Table<LedgerMonth>
                rowKey="month"
                size="small"
                pagination={false}
                // Accounting starts with the first base: earlier months with nothing paid say nothing.
                dataSource={data.ledger
                  .slice(
                    Math.max(
                      0,
                      data.ledger.findIndex((m) => m.due !== null || m.paid > 0),
                    ),
                  )
                  .reverse()}
                columns={[
                  { title: t('dues.month'), dataIndex: 'month', width: 100 },
                  {
                    title: t('dues.category'),
                    dataIndex: 'category',
                    width: 90,
                    render: (c: string | null) => (c ? t.label('duesCategory', c) : t('dues.noBase')),
                  },
                  { title: t('dues.base'), dataIndex: 'base', align: 'right', render: (v: number | null) => yuan(v) },
                  {
                    title: t('dues.bracket'),
                    dataIndex: 'basisPoints',
                    render: (v: number | null) => (v === null ? '' : `${v / 100}%`),
                  },
                  { title: t('dues.due'), dataIndex: 'due', align: 'right', render: (v: number | null) => yuan(v) },
                  { title: t('dues.paid'), dataIndex: 'paid', align: 'right', render: (v: number) => yuan(v) },
                  {
                    title: '',
                    key: 'state',
                    render: (_: unknown, m) =>
                      m.reason ? (
                        <Tag>{m.reason}</Tag>
                      ) : m.outstanding > 0 ? (
                        <Tag color="red">{t('dues.owing', { amount: yuan(m.outstanding) })}</Tag>
                      ) : m.late ? (
                        <Tag color="orange">{t('dues.late')}</Tag>
                      ) : null,
                  },
                ]}
              />
            </>
          );
        }}
      </QueryState>
    </Card>
  );
}
