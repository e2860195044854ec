/**
 * 党费收缴: the monthly collection sheet of a branch (or a college, or the university) — what each
 * member owes by the national brackets, what is paid, arrears — with the totals (应缴, 实缴,
 * 收缴率). A secretary selects members and records the month for them in one step.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, download } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { showApiError } from '../components/forms.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { todayInShanghai } from '../pages/life/hooks.ts';
import { duesCategories, paymentMethods, rateText, recentMonths, type SheetRow, toFen, useSheet, yuan } from './api.ts';

type Editing = { kind: 'payment'; row: SheetRow } | { kind: 'base'; row: SheetRow } | null;

export default function DuesSheetPage() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const { abilities } = useSession();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const today = todayInShanghai();
  const months = recentMonths(today, 24);
  const orgId = params.get('orgId') ?? undefined;
  const month = params.get('month') ?? months[0];
  const sheet = useSheet(orgId, month);
  const [selected, setSelected] = useState<string[]>([]);
  const [recording, setRecording] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState(false);
  const [recordForm] = Form.useForm();
  const [editForm] = Form.useForm();

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
    setSelected([]);
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['dues'] });

  const rows = sheet.data?.rows ?? [];
  const payable = (r: SheetRow) => !r.payment && r.due !== null;
  const chosen = rows.filter((r) => selected.includes(r.personId) && payable(r));

  const record = async () => {
    const values = await recordForm.validateFields();
    setBusy(true);
    try {
      await api.post('/dues/payments', {
        month,
        paidOn: values.paidOn.format('YYYY-MM-DD'),
        method: values.method,
        items: chosen.map((r) => ({ personId: r.personId, amount: r.due })),
      });
      message.success(t('dues.recorded', { n: chosen.length }));
      setRecording(false);
      setSelected([]);
      await refresh();
    } catch (e) {
      showApiError(e, message);
    } finally {
      setBusy(false);
    }
  };

  const saveEdit = async () => {
    if (!editing) return;
    const values = await editForm.validateFields();
    setBusy(true);
    try {
      if (editing.kind === 'payment' && editing.row.payment) {
        await api.patch(`/dues/payments/${editing.row.payment.id}`, {
          version: editing.row.payment.version,
          amount: toFen(values.amount),
          paidOn: values.paidOn.format('YYYY-MM-DD'),
          method: values.method,
        });
      } else {
        await api.post('/dues/bases', {
          personId: editing.row.personId,
          effectiveMonth: values.effectiveMonth,
          category: values.category,
          base: toFen(values.base ?? 0),
          verifiedOn: today,
        });
      }
      message.success(t('dues.saved'));
      setEditing(null);
      await refresh();
    } catch (e) {
      showApiError(e, message, editForm);
    } finally {
      setBusy(false);
    }
  };

  const openEdit = (next: Editing) => {
    editForm.resetFields();
    if (next?.kind === 'payment' && next.row.payment)
      editForm.setFieldsValue({
        amount: next.row.payment.amount / 100,
        paidOn: dayjs(next.row.payment.paidOn),
        method: next.row.payment.method,
      });
    if (next?.kind === 'base')
      editForm.setFieldsValue({
        effectiveMonth: month,
        category: next.row.category ?? 'staff',
        base: next.row.base === null ? undefined : next.row.base / 100,
      });
    setEditing(next);
  };

  const totals = sheet.data?.totals;
  return (
    <Card title={t('dues.sheetTitle')}>
      <Form layout="vertical">
        <Row gutter={16}>
          <Col xs={24} md={14}>
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
          <Col xs={24} md={6}>
            <Form.Item label={t('dues.month')} required>
              <Select
                aria-label={t('dues.month')}
                value={month}
                onChange={(v) => set('month', v)}
                options={months.map((m) => ({ value: m, label: m }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {!orgId ? (
        <Alert type="info" title={t('dues.pickOrgFirst')} showIcon />
      ) : (
        <QueryState query={sheet}>
          {() => (
            <>
              {totals && (
                <Row gutter={16} style={{ marginBottom: 16 }}>
                  <Col xs={12} md={4}>
                    <Statistic title={t('dues.due')} value={yuan(totals.due)} />
                  </Col>
                  <Col xs={12} md={4}>
                    <div data-testid="dues-paid">
                      <Statistic title={t('dues.paid')} value={yuan(totals.paid)} />
                    </div>
                  </Col>
                  <Col xs={12} md={4}>
                    <div data-testid="dues-rate">
                      <Statistic title={t('dues.rate')} value={rateText(totals.rate)} />
                    </div>
                  </Col>
                  <Col xs={12} md={4}>
                    <Statistic title={t('dues.members')} value={totals.members} />
                  </Col>
                  <Col xs={12} md={4}>
                    <Statistic title={t('dues.settled')} value={totals.settledMembers} />
                  </Col>
                  <Col xs={12} md={4}>
                    <Statistic title={t('dues.withoutBase')} value={totals.withoutBase} />
                  </Col>
                </Row>
              )}
              <Space wrap style={{ marginBottom: 12 }}>
                {abilities.writes && (
                  <Button
                    type="primary"
                    disabled={chosen.length === 0}
                    onClick={() => {
                      recordForm.setFieldsValue({ paidOn: dayjs(today), method: 'transfer' });
                      setRecording(true);
                    }}
                  >
                    {t('dues.recordSelected', { n: chosen.length })}
                  </Button>
                )}
                <Button
                  icon={<DownloadOutlined />}
                  onClick={() =>
                    download('/dues/sheet.xlsx', { orgId, month }, `党费收缴表-${month}.xlsx`).catch((e) =>
                      showApiError(e, message),
                    )
                  }
                >
                  {t('dues.export')}
                </Button>
              </Space>
              <Table<SheetRow>
                rowKey="personId"
                size="small"
                dataSource={rows}
                pagination={{ pageSize: 100, hideOnSinglePage: true }}
                scroll={{ x: 1100 }}
                rowSelection={
                  abilities.writes
                    ? {
                        selectedRowKeys: selected,
                        onChange: (keys) => setSelected(keys as string[]),
                        getCheckboxProps: (r) => ({ disabled: !payable(r), name: r.personName }),
                      }
                    : undefined
                }
                columns={[
                  { title: t('dues.code'), dataIndex: 'personCode', width: 90 },
                  { title: t('dues.name'), dataIndex: 'personName', width: 90 },
                  { title: t('dues.branch'), dataIndex: 'orgName', ellipsis: true },
                  {
                    title: t('dues.category'),
                    dataIndex: 'category',
                    width: 80,
                    render: (c: string | null) =>
                      c ? t.label('duesCategory', c) : <Tag color="orange">{t('dues.noBase')}</Tag>,
                  },
                  {
                    title: t('dues.base'),
                    dataIndex: 'base',
                    width: 100,
                    align: 'right',
                    render: (v: number | null) => yuan(v),
                  },
                  {
                    title: t('dues.bracket'),
                    dataIndex: 'basisPoints',
                    width: 70,
                    render: (v: number | null) => (v === null ? '' : `${v / 100}%`),
                  },
                  {
                    title: t('dues.due'),
                    dataIndex: 'due',
                    width: 90,
                    align: 'right',
                    render: (v: number | null) => yuan(v),
                  },
                  {
                    title: t('dues.paid'),
                    dataIndex: 'paid',
                    width: 90,
                    align: 'right',
                    render: (v: number, r) => (r.payment ? yuan(v) : ''),
                  },
                  {
                    title: t('dues.paidOn'),
                    key: 'paidOn',
                    width: 110,
                    render: (_: unknown, r) => r.payment?.paidOn ?? '',
                  },
                  {
                    title: t('dues.method'),
                    key: 'method',
                    width: 90,
                    render: (_: unknown, r) => (r.payment ? t.label('duesMethod', r.payment.method) : ''),
                  },
                  {
                    title: t('dues.arrears'),
                    key: 'arrears',
                    width: 140,
                    render: (_: unknown, r) =>
                      r.arrearsMonths > 0 ? (
                        <Typography.Text type="danger">
                          {t('dues.arrearsValue', { months: r.arrearsMonths, amount: yuan(r.arrearsAmount) })}
                        </Typography.Text>
                      ) : (
                        ''
                      ),
                  },
                  {
                    title: t('dues.consecutive'),
                    dataIndex: 'consecutiveUnpaid',
                    width: 100,
                    render: (n: number, r) =>
                      r.reason ? (
                        <Tag>{r.reason}</Tag>
                      ) : n >= 3 ? (
                        <Tag color={n >= 6 ? 'red' : 'orange'}>{t('dues.consecutiveValue', { n })}</Tag>
                      ) : (
                        ''
                      ),
                  },
                  ...(abilities.writes
                    ? [
                        {
                          title: '',
                          key: 'actions',
                          width: 150,
                          render: (_: unknown, r: SheetRow) => (
                            <Space size={4}>
                              {r.payment && (
                                <Button size="small" type="link" onClick={() => openEdit({ kind: 'payment', row: r })}>
                                  {t('dues.edit')}
                                </Button>
                              )}
                              <Button size="small" type="link" onClick={() => openEdit({ kind: 'base', row: r })}>
                                {t('dues.setBase')}
                              </Button>
                            </Space>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
                {t('dues.bracketsNote')}
              </Typography.Paragraph>
            </>
          )}
        </QueryState>
      )}

      <Modal
        open={recording}
        title={t('dues.recordTitle', { month })}
        onCancel={() => setRecording(false)}
        onOk={record}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('dues.recordHint')}</Typography.Paragraph>
        <Typography.Paragraph>{chosen.map((r) => `${r.personName} ${yuan(r.due)}`).join('、')}</Typography.Paragraph>
        <Form form={recordForm} layout="vertical">
          <Form.Item name="paidOn" label={t('dues.paidOn')} rules={[{ required: true }]}>
            <DatePicker aria-label={t('dues.paidOn')} />
          </Form.Item>
          <Form.Item name="method" label={t('dues.method')} rules={[{ required: true }]}>
            <Select
              aria-label={t('dues.method')}
              options={paymentMethods.map((m) => ({ value: m, label: t.label('duesMethod', m) }))}
            />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={editing !== null}
        title={
          editing?.kind === 'payment'
            ? t('dues.editPayment')
            : `${t('dues.setBase')} · ${editing?.row.personName ?? ''}`
        }
        onCancel={() => setEditing(null)}
        onOk={saveEdit}
        confirmLoading={busy}
      >
        <Form form={editForm} layout="vertical">
          {editing?.kind === 'payment' ? (
            <>
              <Form.Item name="amount" label={t('dues.amount')} rules={[{ required: true }]}>
                <InputNumber min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="paidOn" label={t('dues.paidOn')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="method" label={t('dues.method')} rules={[{ required: true }]}>
                <Select options={paymentMethods.map((m) => ({ value: m, label: t.label('duesMethod', m) }))} />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="effectiveMonth" label={t('dues.effectiveMonth')} rules={[{ required: true }]}>
                <Select options={months.map((m) => ({ value: m, label: m }))} />
              </Form.Item>
              <Form.Item name="category" label={t('dues.category')} rules={[{ required: true }]}>
                <Select options={duesCategories.map((c) => ({ value: c, label: t.label('duesCategory', c) }))} />
              </Form.Item>
              <Form.Item name="base" label={t('dues.base')}>
                <InputNumber min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
