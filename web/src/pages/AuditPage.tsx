/** 审计记录: who changed what in the caller's scope, with the field-by-field difference. */
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Col, DatePicker, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, download } from '../api/client.ts';
import type { AuditEntry, Page } from '../api/types.ts';
import { showApiError } from '../components/forms.ts';
import { type Translate, useI18n } from '../i18n/index.tsx';

const entities = [
  'org',
  'person',
  'membership',
  'term',
  'position',
  'account',
  'roster',
  'university',
  'calendar',
  'dataset',
];
const filterKeys = ['entity', 'entityId', 'actor', 'from', 'to'] as const;

const shanghai = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const show = (v: unknown) =>
  v === undefined ? '' : v === null ? 'null' : typeof v === 'object' ? JSON.stringify(v) : String(v);

type DiffRow = { field: string; before: unknown; after: unknown; changed: boolean };

function diffRows(before: unknown, after: unknown): DiffRow[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = keys.map((field) => ({
    field,
    before: b[field],
    after: a[field],
    changed: JSON.stringify(b[field]) !== JSON.stringify(a[field]),
  }));
  // What changed first; the unchanged fields below give the context.
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}

function Diff({ entry, t }: { entry: AuditEntry; t: Translate }) {
  const rows = diffRows(entry.before, entry.after);
  if (!rows.length) return <Typography.Text type="secondary">{t('audit.noDiff')}</Typography.Text>;
  return (
    <Table<DiffRow>
      size="small"
      rowKey="field"
      tableLayout="fixed"
      pagination={false}
      dataSource={rows}
      rowClassName={(r) => (r.changed ? '' : 'ant-table-row-muted')}
      columns={[
        { title: t('audit.field'), dataIndex: 'field', width: 180, render: (f, r) => (r.changed ? <b>{f}</b> : f) },
        {
          title: t('audit.before'),
          dataIndex: 'before',
          ellipsis: false,
          className: 'zb-diff-cell',
          render: (v, r) => <span className={r.changed && v !== undefined ? 'zb-diff-removed' : ''}>{show(v)}</span>,
        },
        {
          title: t('audit.after'),
          dataIndex: 'after',
          className: 'zb-diff-cell',
          render: (v, r) => <span className={r.changed && v !== undefined ? 'zb-diff-added' : ''}>{show(v)}</span>,
        },
      ]}
    />
  );
}

export default function AuditPage() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const [actor, setActor] = useState(params.get('actor') ?? '');
  const [entityId, setEntityId] = useState(params.get('entityId') ?? '');
  const [exporting, setExporting] = useState(false);
  const filters = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 50);

  const list = useQuery({
    queryKey: ['audit', filters, page, pageSize],
    queryFn: () => api.get<Page<AuditEntry>>('/audit', { ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });

  const set = (changes: Record<string, string | undefined | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    next.delete('page');
    setParams(next);
  };

  const exportExcel = async () => {
    setExporting(true);
    try {
      await download('/audit/export.xlsx', filters, '审计日志.xlsx');
    } catch (e) {
      showApiError(e, message);
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => shanghai.format(new Date(at)) },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 160 },
    { title: t('audit.action'), dataIndex: 'action', width: 130, render: (a) => <Tag>{t.label('action', a)}</Tag> },
    { title: t('audit.entity'), dataIndex: 'entity', width: 110, render: (e) => t.label('entity', e) },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      ellipsis: true,
      render: (id: string | null) => (id ? <Typography.Text code>{id}</Typography.Text> : '—'),
    },
  ];

  const from = params.get('from');
  const to = params.get('to');

  return (
    <Card
      title={t('audit.title')}
      extra={
        <Button icon={<DownloadOutlined />} onClick={exportExcel} loading={exporting}>
          {t('common.exportExcel')}
        </Button>
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8} xl={4}>
          <Select
            aria-label={t('audit.entity')}
            placeholder={t('audit.entity')}
            allowClear
            value={filters.entity}
            onChange={(v) => set({ entity: v })}
            options={entities.map((e) => ({ value: e, label: t.label('entity', e) }))}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={24} md={8} xl={5}>
          <Input.Search
            aria-label={t('audit.actor')}
            placeholder={t('audit.actor')}
            allowClear
            value={actor}
            onChange={(e) => setActor(e.target.value)}
            onSearch={(v) => set({ actor: v.trim() })}
          />
        </Col>
        <Col xs={24} md={8} xl={5}>
          <Input.Search
            aria-label={t('audit.entityId')}
            placeholder={t('audit.entityId')}
            allowClear
            value={entityId}
            onChange={(e) => setEntityId(e.target.value)}
            onSearch={(v) => set({ entityId: v.trim() })}
          />
        </Col>
        <Col xs={24} md={12} xl={7}>
          <DatePicker.RangePicker
            aria-label={`${t('audit.from')} – ${t('audit.to')}`}
            placeholder={[t('audit.from'), t('audit.to')]}
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            allowEmpty={[true, true]}
            onChange={(range) =>
              set({ from: range?.[0]?.format('YYYY-MM-DD') ?? null, to: range?.[1]?.format('YYYY-MM-DD') ?? null })
            }
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={24} md={4} xl={3}>
          <Space>
            <Button
              onClick={() => {
                setActor('');
                setEntityId('');
                setParams(new URLSearchParams());
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Col>
      </Row>
      <Table<AuditEntry>
        data-testid="audit-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 800 }}
        expandable={{
          expandedRowRender: (entry) => <Diff entry={entry} t={t} />,
          rowExpandable: (entry) => entry.before != null || entry.after != null,
        }}
        locale={list.isError ? { emptyText: (list.error as Error).message } : undefined}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, s) => {
            const next = new URLSearchParams(params);
            next.set('page', String(s !== pageSize ? 1 : p));
            next.set('pageSize', String(s));
            setParams(next);
          },
        }}
      />
    </Card>
  );
}
