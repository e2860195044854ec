/**
 * 软弱涣散党支部整顿: weak branches under time-limited reorganization — reasons, plan, end date —
 * started, changed and closed with the outcome by the superior; an open one past its end stands out.
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, download } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { showApiError } from '../components/forms.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { type Reorganization, reorganizationReasons, useReorganizations } from './api.ts';

type Dialog = { kind: 'new' } | { kind: 'edit' | 'close'; row: Reorganization } | null;
type Values = {
  orgId?: string;
  reasons?: string[];
  startedOn?: Dayjs;
  endsOn?: Dayjs;
  plan?: string;
  closedOn?: Dayjs;
  outcome?: string;
};
const day = (d?: Dayjs) => d?.format('YYYY-MM-DD');

export default function ReorganizationsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { abilities } = useSession();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const org = params.get('org') ?? undefined;
  const status = params.get('status') ?? undefined;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<Values>();
  const list = useReorganizations({ org, status });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const submit = async (v: Values) => {
    if (!dialog) return;
    try {
      if (dialog.kind === 'new')
        await api.post('/reorganizations', {
          orgId: v.orgId,
          reasons: v.reasons ?? [],
          startedOn: day(v.startedOn),
          endsOn: day(v.endsOn),
          plan: v.plan,
        });
      else if (dialog.kind === 'edit')
        await api.put(`/reorganizations/${dialog.row.id}`, {
          reasons: v.reasons,
          endsOn: day(v.endsOn),
          plan: v.plan,
          version: dialog.row.version,
        });
      else
        await api.post(`/reorganizations/${dialog.row.id}/close`, {
          closedOn: day(v.closedOn),
          outcome: v.outcome,
          version: dialog.row.version,
        });
      message.success(t('reorg.saved'));
      setDialog(null);
      await queryClient.invalidateQueries({ queryKey: ['reorganizations'] });
    } catch (e) {
      showApiError(e, message, form);
    }
  };

  const open = (next: Dialog) => {
    form.resetFields();
    if (next && next.kind === 'edit')
      form.setFieldsValue({ reasons: next.row.reasons, endsOn: dayjs(next.row.endsOn), plan: next.row.plan });
    setDialog(next);
  };

  const columns = [
    { title: t('reorg.branch'), key: 'org', render: (_: unknown, r: Reorganization) => r.org.name },
    {
      title: t('reorg.reasons'),
      key: 'reasons',
      render: (_: unknown, r: Reorganization) => r.reasons.map((x) => <Tag key={x}>{t.label('reorgReason', x)}</Tag>),
    },
    {
      title: `${t('reorg.startedOn')} – ${t('reorg.endsOn')}`,
      key: 'dates',
      width: 210,
      render: (_: unknown, r: Reorganization) => `${r.startedOn} – ${r.endsOn}`,
    },
    { title: t('reorg.plan'), dataIndex: 'plan', key: 'plan' },
    {
      title: t('reorg.status'),
      key: 'status',
      width: 150,
      render: (_: unknown, r: Reorganization) => (
        <Space size={4} wrap>
          <Tag color={r.status === 'open' ? 'orange' : 'green'}>{t.label('reorgStatus', r.status)}</Tag>
          {r.overdue && <Tag color="red">{t('reorg.overdue')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('reorg.outcome'),
      key: 'outcome',
      render: (_: unknown, r: Reorganization) => (r.closedOn ? `${r.closedOn} ${r.outcome ?? ''}` : ''),
    },
    {
      title: '',
      key: 'actions',
      width: 150,
      render: (_: unknown, r: Reorganization) =>
        r.mayEdit && r.status === 'open' ? (
          <Space size={4}>
            <Button size="small" onClick={() => open({ kind: 'edit', row: r })}>
              {t('rect.edit')}
            </Button>
            <Button size="small" onClick={() => open({ kind: 'close', row: r })}>
              {t('reorg.close')}
            </Button>
          </Space>
        ) : null,
    },
  ];

  const reasonOptions = reorganizationReasons.map((r) => ({ value: r, label: t.label('reorgReason', r) }));
  return (
    <Card
      title={t('reorg.listTitle')}
      extra={
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              download('/reorganizations/export.xlsx', { org, status }, '整顿.xlsx').catch((e) =>
                message.error(e.message),
              )
            }
          >
            {t('reorg.export')}
          </Button>
          {abilities.writes && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open({ kind: 'new' })}>
              {t('reorg.new')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgPicker
          aria-label={t('rect.org')}
          placeholder={t('rect.org')}
          value={org}
          onChange={(v) => set('org', v)}
          allowClear
          style={{ width: 260 }}
        />
        <Select
          aria-label={t('reorg.status')}
          placeholder={t('reorg.status')}
          allowClear
          style={{ width: 120 }}
          value={status}
          onChange={(v) => set('status', v)}
          options={(['open', 'closed'] as const).map((s) => ({ value: s, label: t.label('reorgStatus', s) }))}
        />
      </Space>
      <QueryState query={list}>
        {() => (
          <Table<Reorganization>
            data-testid="reorganization-table"
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
      <Modal
        open={dialog !== null}
        title={dialog?.kind === 'new' ? t('reorg.new') : dialog?.kind === 'edit' ? t('reorg.edit') : t('reorg.close')}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          {dialog?.kind === 'new' && (
            <Form.Item name="orgId" label={t('reorg.branch')} rules={[{ required: true }]}>
              <OrgPicker kinds={['branch']} aria-label={t('reorg.branch')} />
            </Form.Item>
          )}
          {dialog?.kind !== 'close' && (
            <>
              <Form.Item name="reasons" label={t('reorg.reasons')} rules={[{ required: true }]}>
                <Select mode="multiple" options={reasonOptions} />
              </Form.Item>
              {dialog?.kind === 'new' && (
                <Form.Item name="startedOn" label={t('reorg.startedOn')} rules={[{ required: true }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              )}
              <Form.Item name="endsOn" label={t('reorg.endsOn')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="plan" label={t('reorg.plan')} rules={[{ required: true }]}>
                <Input.TextArea rows={4} />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'close' && (
            <>
              <Form.Item name="closedOn" label={t('reorg.closedOn')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="outcome" label={t('reorg.outcome')} rules={[{ required: true }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
