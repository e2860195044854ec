/** 书记述职评议考核: the rounds the caller sees for a year, and opening a round for a level. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { showApiError } from '../components/forms.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { thisYear } from '../training/year.ts';
import type { Round } from './api.ts';

export default function ReviewRoundsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { abilities } = useSession();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? thisYear());
  const [opening, setOpening] = useState(false);
  const [form] = Form.useForm();
  const rounds = useQuery({
    queryKey: ['secretary-reviews', { year }],
    queryFn: () => api.get<{ items: Round[] }>('/secretary-reviews/rounds', { year }),
  });
  const open = async (v: { orgId: string; level: 'college' | 'branch'; title?: string }) => {
    try {
      await api.post('/secretary-reviews/rounds', { ...v, year, title: v.title || undefined });
      message.success(t('rev.opened'));
      setOpening(false);
      await queryClient.invalidateQueries({ queryKey: ['secretary-reviews'] });
    } catch (e) {
      showApiError(e, message, form);
    }
  };
  const columns = [
    {
      title: t('rev.roundTitle'),
      key: 'title',
      render: (_: unknown, r: Round) => <Link to={`/ratings/reviews/${r.id}`}>{r.title}</Link>,
    },
    { title: t('rev.organizer'), dataIndex: 'orgName', key: 'org' },
    { title: t('rev.level'), key: 'level', render: (_: unknown, r: Round) => t.label('reviewLevel', r.level) },
    {
      title: t('rev.status'),
      key: 'status',
      render: (_: unknown, r: Round) => (
        <Tag color={r.status === 'published' ? 'green' : 'blue'}>{t.label('roundStatus', r.status)}</Tag>
      ),
    },
    {
      title: t('rev.progress'),
      key: 'progress',
      render: (_: unknown, r: Round) =>
        t('rev.progressValue', { reported: r.reported, scored: r.scored, reviews: r.reviews }),
    },
  ];
  return (
    <Card
      title={t('rev.title')}
      extra={
        <Space>
          <InputNumber
            aria-label={t('rev.year')}
            value={year}
            min={2000}
            max={2100}
            onChange={(v) => v && setParams({ year: String(v) }, { replace: true })}
          />
          {abilities.writes && (
            <Button type="primary" onClick={() => setOpening(true)}>
              {t('rev.open')}
            </Button>
          )}
        </Space>
      }
    >
      <QueryState query={rounds}>
        {() => (
          <Table<Round>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={rounds.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: t('rev.none') }}
          />
        )}
      </QueryState>
      <Modal
        open={opening}
        title={`${t('rev.open')} · ${year}`}
        onCancel={() => setOpening(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={open} preserve={false} initialValues={{ level: 'branch' }}>
          <Form.Item name="orgId" label={t('rev.organizer')} rules={[{ required: true }]}>
            <OrgPicker aria-label={t('rev.organizer')} kinds={['university', 'college']} />
          </Form.Item>
          <Form.Item name="level" label={t('rev.level')} rules={[{ required: true }]}>
            <Select
              options={(['college', 'branch'] as const).map((l) => ({ value: l, label: t.label('reviewLevel', l) }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t('rev.roundTitle')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
