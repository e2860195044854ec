/** 待我处理: reviews waiting for a step the signed-in account's role takes, across open campaigns. */
import { Card, Table } from 'antd';
import { Link } from 'react-router-dom';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { type ReviewRow, useQueue } from './api.ts';
import { StageTag } from './labels.tsx';

export default function QueuePage() {
  const { t } = useI18n();
  const queue = useQueue();
  const columns = [
    { title: t('acc.campaign'), dataIndex: 'campaignTitle', key: 'campaign' },
    { title: t('acc.branch'), dataIndex: 'orgName', key: 'org' },
    { title: t('acc.college'), key: 'college', render: (_: unknown, r: ReviewRow) => r.collegeName ?? t('acc.direct') },
    { title: t('acc.stage'), key: 'stage', render: (_: unknown, r: ReviewRow) => <StageTag stage={r.stage} /> },
    {
      title: '',
      key: 'open',
      width: 80,
      render: (_: unknown, r: ReviewRow) => <Link to={`/acceptance/reviews/${r.id}`}>{t('acc.open.action')}</Link>,
    },
  ];
  return (
    <Card title={t('acc.queueTitle')}>
      <QueryState query={queue}>
        {() => (
          <Table
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={queue.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: t('acc.queueEmpty') }}
          />
        )}
      </QueryState>
    </Card>
  );
}
