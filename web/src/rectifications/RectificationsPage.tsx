/**
 * 整改清单: every rectification item in scope, filtered by org subtree, year, status, source and
 * overdue; overdue items stand out; the list exports to Excel as filtered.
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { download } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { type Rectification, rectificationSources, rectificationStatuses, useRectifications } from './api.ts';
import { NewRectificationModal } from './NewRectificationModal.tsx';

export const statusColor: Record<string, string> = { open: 'orange', done: 'blue', verified: 'green' };

export default function RectificationsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { abilities } = useSession();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const filters = {
    org: params.get('org') ?? undefined,
    year: params.get('year') ?? undefined,
    status: params.get('status') ?? undefined,
    source: params.get('source') ?? undefined,
    overdue: params.get('overdue') ?? undefined,
  };
  const set = (key: string, value: string | number | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value !== undefined && value !== null && value !== '') next.set(key, String(value));
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const list = useRectifications(filters);

  const columns = [
    {
      title: t('rect.org'),
      key: 'org',
      render: (_: unknown, r: Rectification) => r.org.name,
    },
    { title: t('rect.year'), dataIndex: 'year', key: 'year', width: 70 },
    {
      title: t('rect.source'),
      key: 'source',
      width: 110,
      render: (_: unknown, r: Rectification) => t.label('rectSource', r.source),
    },
    {
      title: t('rect.problem'),
      key: 'problem',
      render: (_: unknown, r: Rectification) => <Link to={`/rectifications/${r.id}`}>{r.problem}</Link>,
    },
    { title: t('rect.owner'), dataIndex: 'ownerName', key: 'owner', width: 90 },
    {
      title: t('rect.deadline'),
      key: 'deadline',
      width: 130,
      render: (_: unknown, r: Rectification) => (
        <Space size={4}>
          {r.deadline}
          {r.overdue && <Tag color="red">{t('rect.overdue')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('rect.status'),
      key: 'status',
      width: 100,
      render: (_: unknown, r: Rectification) => (
        <Tag color={statusColor[r.status]}>{t.label('rectStatus', r.status)}</Tag>
      ),
    },
  ];

  return (
    <Card
      title={t('rect.listTitle')}
      extra={
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              download('/rectifications/export.xlsx', filters, '整改清单.xlsx').catch((e) => message.error(e.message))
            }
          >
            {t('rect.export')}
          </Button>
          {abilities.writes && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('rect.new')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgPicker
          aria-label={t('rect.org')}
          placeholder={t('rect.org')}
          value={filters.org}
          onChange={(v) => set('org', v)}
          allowClear
          style={{ width: 260 }}
        />
        <InputNumber
          aria-label={t('rect.year')}
          placeholder={t('rect.year')}
          min={2000}
          max={2100}
          value={filters.year ? Number(filters.year) : null}
          onChange={(v) => set('year', v)}
        />
        <Select
          aria-label={t('rect.status')}
          placeholder={t('rect.status')}
          allowClear
          style={{ width: 130 }}
          value={filters.status}
          onChange={(v) => set('status', v)}
          options={rectificationStatuses.map((s) => ({ value: s, label: t.label('rectStatus', s) }))}
        />
        <Select
          aria-label={t('rect.source')}
          placeholder={t('rect.source')}
          allowClear
          style={{ width: 150 }}
          value={filters.source}
          onChange={(v) => set('source', v)}
          options={rectificationSources.map((s) => ({ value: s, label: t.label('rectSource', s) }))}
        />
        <Space size={4}>
          <Switch
            aria-label={t('rect.overdueOnly')}
            checked={filters.overdue === 'true'}
            onChange={(on) => set('overdue', on ? 'true' : undefined)}
          />
          <Typography.Text>{t('rect.overdueOnly')}</Typography.Text>
        </Space>
      </Space>
      <QueryState query={list}>
        {() => (
          <Table<Rectification>
            data-testid="rectification-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            onRow={(r) => (r.overdue ? { style: { background: '#fff1f0' } } : {})}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
          />
        )}
      </QueryState>
      <NewRectificationModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
