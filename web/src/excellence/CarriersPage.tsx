/**
 * 务实管用的制度与服务载体: what each college and branch set up in a year, against ASSESS-09's
 * minimum, and the list of records to add, correct or remove.
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, InputNumber, Popconfirm, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, download } from '../api/client.ts';
import { useOrgTree } from '../api/orgs.ts';
import { useSession } from '../auth/session.tsx';
import { showApiError } from '../components/forms.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { thisYear } from '../training/year.ts';
import { type Carrier, type CoverageRow, carrierKinds } from './api.ts';
import { StepDialog, type StepField } from './StepDialog.tsx';

export default function CarriersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { abilities } = useSession();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tree = useOrgTree();
  const orgId = params.get('orgId') ?? tree.data?.roots[0]?.id;
  const year = Number(params.get('year') ?? thisYear());
  const [dialog, setDialog] = useState<{ carrier?: Carrier; orgId?: string } | null>(null);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const coverage = useQuery({
    queryKey: ['practice-carriers', 'coverage', { orgId, year }],
    queryFn: () => api.get<{ items: CoverageRow[] }>('/practice-carriers/coverage', { orgId, year }),
    enabled: Boolean(orgId),
    placeholderData: keepPreviousData,
  });
  const carriers = useQuery({
    queryKey: ['practice-carriers', 'list', { orgId, year }],
    queryFn: () => api.get<{ items: Carrier[] }>('/practice-carriers', { orgId, year }),
    enabled: Boolean(orgId),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['practice-carriers'] });
  const fields: StepField[] = [
    ...(dialog?.carrier ? [] : [{ name: 'orgId', label: t('exc.org'), type: 'org' as const, required: true }]),
    {
      name: 'kind',
      label: t('exc.kind'),
      type: 'select',
      required: true,
      options: carrierKinds.map((k) => ({ value: k, label: t.label('carrierKind', k) })),
    },
    { name: 'title', label: t('carriers.name'), type: 'text', required: true },
    { name: 'description', label: t('carriers.description'), type: 'textarea' },
    { name: 'establishedOn', label: t('carriers.establishedOn'), type: 'date', required: true },
  ];
  const submit = async (values: Record<string, unknown>) => {
    const establishedOn = String(values.establishedOn);
    if (dialog?.carrier)
      await api.put(`/practice-carriers/${dialog.carrier.id}`, {
        ...values,
        year: Number(establishedOn.slice(0, 4)),
        version: dialog.carrier.version,
      });
    else await api.post('/practice-carriers', { ...values, year: Number(establishedOn.slice(0, 4)) });
    await refresh();
  };
  const remove = async (c: Carrier) => {
    try {
      await api.del(`/practice-carriers/${c.id}?version=${c.version}`);
      await refresh();
    } catch (e) {
      showApiError(e, message);
    }
  };

  return (
    <Card
      title={t('carriers.title')}
      extra={
        <Space>
          {abilities.writes && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({})}>
              {t('carriers.add')}
            </Button>
          )}
          <Button
            icon={<DownloadOutlined />}
            disabled={!orgId}
            onClick={() =>
              download('/practice-carriers/export.xlsx', { orgId, year }, `制度与服务载体-${year}.xlsx`).catch((e) =>
                message.error(e.message),
              )
            }
          >
            {t('exc.export')}
          </Button>
        </Space>
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('exc.org')}>
            <OrgPicker aria-label={t('exc.org')} value={orgId} onChange={(v) => set('orgId', v)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label={t('exc.year')}>
            <InputNumber
              aria-label={t('exc.year')}
              value={year}
              min={2000}
              max={2100}
              onChange={(v) => v && set('year', String(v))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>{t('carriers.coverage')}</Typography.Title>
      <QueryState query={coverage}>
        {() => (
          <Table<CoverageRow>
            rowKey="orgId"
            size="small"
            dataSource={coverage.data?.items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('exc.org'), dataIndex: 'orgName', key: 'org' },
              { title: t('carriers.count'), dataIndex: 'carriers', key: 'carriers', align: 'right' },
              { title: t('carriers.required'), dataIndex: 'required', key: 'required', align: 'right' },
              {
                title: t('exc.status'),
                key: 'met',
                render: (_, r) => (
                  <Tag color={r.met ? 'green' : 'red'}>{r.met ? t('carriers.met') : t('carriers.notMet')}</Tag>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <Typography.Title level={5}>{t('nav.carriers')}</Typography.Title>
      <QueryState query={carriers}>
        {() => (
          <Table<Carrier>
            rowKey="id"
            size="small"
            dataSource={carriers.data?.items ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            columns={[
              { title: t('exc.org'), dataIndex: 'orgName', key: 'org' },
              { title: t('exc.kind'), key: 'kind', render: (_, c) => t.label('carrierKind', c.kind) },
              { title: t('carriers.name'), dataIndex: 'title', key: 'title' },
              { title: t('carriers.description'), dataIndex: 'description', key: 'description', ellipsis: true },
              { title: t('carriers.establishedOn'), dataIndex: 'establishedOn', key: 'establishedOn' },
              {
                title: t('exc.actions'),
                key: 'actions',
                render: (_, c) =>
                  abilities.writes && (
                    <Space size="small">
                      <Button size="small" onClick={() => setDialog({ carrier: c })}>
                        {t('carriers.edit')}
                      </Button>
                      <Popconfirm title={t('carriers.deleteConfirm')} onConfirm={() => remove(c)}>
                        <Button size="small" danger>
                          {t('carriers.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
      {dialog && (
        <StepDialog
          open
          title={dialog.carrier ? `${dialog.carrier.orgName} · ${t('carriers.edit')}` : t('carriers.add')}
          fields={fields}
          initialValues={
            dialog.carrier
              ? {
                  kind: dialog.carrier.kind,
                  title: dialog.carrier.title,
                  description: dialog.carrier.description,
                  establishedOn: dayjs(dialog.carrier.establishedOn),
                }
              : { kind: 'carrier', orgId }
          }
          onClose={() => setDialog(null)}
          onSubmit={submit}
        />
      )}
    </Card>
  );
}
