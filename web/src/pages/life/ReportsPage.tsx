/**
 * 思想汇报 for secretaries: the reports submitted to the branches in scope, unread first when asked;
 * opening one shows the whole text, and the secretary marks it read with a comment.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Input,
  Row,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { showApiError } from '../../components/forms.ts';
import { OrgPicker } from '../../components/OrgPicker.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/index.tsx';

type ReportFields = {
  id: string;
  personId: string;
  personName: string;
  personCode: string;
  orgId: string;
  orgName: string;
  submittedOn: string;
  title: string;
  readBy: string | null;
  readByName: string | null;
  readAt: string | null;
  comment: string | null;
  version: number;
};
type ReportListItem = ReportFields & { excerpt: string };
type Report = ReportFields & { content: string };

function ReportDrawer({ id, onClose, onRead }: { id: string; onClose: () => void; onRead: () => void }) {
  const { t } = useI18n();
  const { abilities } = useSession();
  const { message } = AntApp.useApp();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const report = useQuery({ queryKey: ['reports', 'detail', id], queryFn: () => api.get<Report>(`/reports/${id}`) });

  const markRead = async (r: Report) => {
    setBusy(true);
    try {
      await api.post(`/reports/${id}/read`, { version: r.version, comment: comment.trim() || undefined });
      message.success(t('report.marked'));
      onRead();
    } catch (e) {
      showApiError(e, message);
      report.refetch();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open title={report.data?.title ?? t('report.list')} onClose={onClose} size={640} destroyOnHidden>
      <QueryState query={report}>
        {() => {
          const r = report.data as Report;
          return (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('report.person')}>
                  {r.personName}（{r.personCode}）· {r.orgName}
                </Descriptions.Item>
                <Descriptions.Item label={t('report.submittedOn')}>{r.submittedOn}</Descriptions.Item>
                {r.readAt && (
                  <Descriptions.Item label={t('report.read')}>
                    {r.readByName ?? ''} {dayjs(r.readAt).format('YYYY-MM-DD HH:mm')}
                  </Descriptions.Item>
                )}
                {r.comment && <Descriptions.Item label={t('report.comment')}>{r.comment}</Descriptions.Item>}
              </Descriptions>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }} data-testid="report-content">
                {r.content}
              </Typography.Paragraph>
              {!r.readAt && abilities.writes && (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Input.TextArea
                    aria-label={t('report.comment')}
                    placeholder={t('report.comment')}
                    value={comment}
                    onChange={(e) => setComment(e.target.value)}
                    autoSize={{ minRows: 3, maxRows: 8 }}
                    maxLength={2000}
                  />
                  <Button type="primary" loading={busy} onClick={() => markRead(r)}>
                    {t('report.markRead')}
                  </Button>
                </Space>
              )}
            </Space>
          );
        }}
      </QueryState>
    </Drawer>
  );
}

export default function ReportsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [openId, setOpenId] = useState<string | null>(null);
  const orgId = params.get('orgId') ?? undefined;
  const unread = params.get('unread') === '1';
  const page = Number(params.get('page') ?? 1);

  const list = useQuery({
    queryKey: ['reports', { orgId, unread, page }],
    queryFn: () =>
      api.get<{ items: ReportListItem[]; total: number }>('/reports', {
        orgId,
        unread: unread ? '1' : undefined,
        page,
        pageSize: 20,
      }),
    placeholderData: keepPreviousData,
  });

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };

  const columns: ColumnsType<ReportListItem> = [
    { title: t('report.submittedOn'), dataIndex: 'submittedOn', width: 110 },
    {
      title: t('report.person'),
      key: 'person',
      width: 150,
      render: (_, r) => (
        <span>
          {r.personName}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.personCode}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('report.title'),
      key: 'title',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => setOpenId(r.id)}>
            {r.title}
          </Button>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 420 }}>
            {r.excerpt}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('meeting.org'), dataIndex: 'orgName', width: 200, responsive: ['lg'] },
    {
      title: t('meeting.status'),
      key: 'read',
      width: 90,
      render: (_, r) => (
        <Tag color={r.readAt ? 'green' : 'orange'}>{r.readAt ? t('report.read') : t('report.unread')}</Tag>
      ),
    },
  ];

  return (
    <Card title={t('report.list')}>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} align="middle">
        <Col xs={24} md={12} xl={8}>
          <OrgPicker
            aria-label={t('meeting.filterOrg')}
            placeholder={t('meeting.filterOrg')}
            value={orgId}
            onChange={(v) => set('orgId', v)}
            allowClear
          />
        </Col>
        <Col>
          <Space>
            <Switch
              checked={unread}
              onChange={(v) => set('unread', v ? '1' : undefined)}
              aria-label={t('report.unreadOnly')}
            />
            {t('report.unreadOnly')}
          </Space>
        </Col>
      </Row>
      <QueryState query={list}>
        {() => (
          <Table<ReportListItem>
            data-testid="report-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: page,
              pageSize: 20,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              onChange: (p) => set('page', String(p)),
              showTotal: (n) => t('common.total', { n }),
            }}
          />
        )}
      </QueryState>
      {openId && (
        <ReportDrawer
          id={openId}
          onClose={() => setOpenId(null)}
          onRead={() => {
            setOpenId(null);
            list.refetch();
          }}
        />
      )}
    </Card>
  );
}
