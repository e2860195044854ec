/**
 * 年度发展计划: each college-level organization's numbers for the year against the people admitted
 * so far, and for one of them the numbers by branch and category with the admissions month by
 * month (DEV-12: within the plan, no rush in one month). The college files or changes its plan
 * here; the whole set of lines is sent at once.
 */
import { EditOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useOrgTree } from '../api/orgs.ts';
import { useSession } from '../auth/session.tsx';
import { showApiError } from '../components/forms.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import {
  createPlan,
  type DevCategory,
  devCategories,
  loadPlan,
  type PlanLineInput,
  type PlanOverviewRow,
  type ProgressLine,
  updatePlan,
  usePlanOverview,
  usePlanProgress,
} from './plans-api.ts';

const thisYear = () =>
  Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4));

type PlanForm = { note?: string; lines: PlanLineInput[] };

function PlanModal({ row, onClose }: { row: PlanOverviewRow | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PlanForm>();
  const [saving, setSaving] = useState(false);
  const [version, setVersion] = useState<number | null>(null);

  useEffect(() => {
    if (!row) return;
    form.resetFields();
    setVersion(null);
    if (!row.planId) {
      form.setFieldsValue({ lines: [{ orgId: '', category: 'student', quota: 0 }] as PlanLineInput[] });
      return;
    }
    loadPlan(row.planId)
      .then((plan) => {
        setVersion(plan.version);
        form.setFieldsValue({
          note: plan.note ?? undefined,
          lines: plan.lines.map((l) => ({ orgId: l.orgId, category: l.category, quota: l.quota })),
        });
      })
      .catch((e) => showApiError(e, message));
  }, [row, form, message]);

  const submit = async (v: PlanForm) => {
    if (!row) return;
    setSaving(true);
    try {
      const lines = (v.lines ?? []).map((l) => ({ orgId: l.orgId, category: l.category, quota: l.quota }));
      if (row.planId && version !== null) await updatePlan(row.planId, { version, note: v.note || null, lines });
      else await createPlan({ orgId: row.orgId, year: row.year, note: v.note || null, lines });
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: ['development'] });
      onClose();
    } catch (e) {
      showApiError(e, message, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={Boolean(row)}
      title={row ? `${row.orgName} ${row.year} ${t('dev.plansTitle')}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      width={720}
      destroyOnHidden
    >
      <Form<PlanForm> form={form} layout="vertical" onFinish={submit}>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Row key={field.key} gutter={8} align="top">
                  <Col xs={24} sm={12}>
                    <Form.Item name={[field.name, 'orgId']} label={t('dev.branch')} rules={[{ required: true }]}>
                      <OrgPicker kinds={['branch', 'college']} withinRoots={row ? [row.orgId] : undefined} />
                    </Form.Item>
                  </Col>
                  <Col xs={10} sm={5}>
                    <Form.Item name={[field.name, 'category']} label={t('dev.category')} rules={[{ required: true }]}>
                      <Select options={devCategories.map((c) => ({ value: c, label: t.label('devCategory', c) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={10} sm={5}>
                    <Form.Item name={[field.name, 'quota']} label={t('dev.quota')} rules={[{ required: true }]}>
                      <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} sm={2} style={{ paddingTop: 34 }}>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('dev.delete')}
                      onClick={() => remove(field.name)}
                    />
                  </Col>
                </Row>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ category: 'student' as DevCategory, quota: 0 })}
                style={{ marginBottom: 16 }}
              >
                {t('dev.addLine')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label={t('dev.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Progress({ planId }: { planId: string }) {
  const { t } = useI18n();
  const progress = usePlanProgress(planId);
  const columns = [
    { title: t('dev.branch'), key: 'org', render: (_: unknown, l: ProgressLine) => l.orgName },
    {
      title: t('dev.category'),
      key: 'category',
      render: (_: unknown, l: ProgressLine) => t.label('devCategory', l.category),
    },
    { title: t('dev.quota'), dataIndex: 'quota', key: 'quota', align: 'right' as const },
    { title: t('dev.admitted'), dataIndex: 'admitted', key: 'admitted', align: 'right' as const },
    {
      title: t('dev.remaining'),
      key: 'remaining',
      align: 'right' as const,
      render: (_: unknown, l: ProgressLine) =>
        l.remaining < 0 ? <Tag color="red">{`${t('dev.overPlan')} ${-l.remaining}`}</Tag> : l.remaining,
    },
    {
      title: t('dev.byMonth'),
      key: 'months',
      render: (_: unknown, l: ProgressLine) =>
        l.byMonth
          .map((n, i) => (n ? t('dev.monthCount', { month: i + 1, n }) : ''))
          .filter(Boolean)
          .join('，'),
    },
  ];
  return (
    <QueryState query={progress}>
      {() => {
        const data = progress.data;
        if (!data) return null;
        const share = data.totals.largestMonthShare;
        return (
          <>
            <Space wrap style={{ marginBottom: 12 }}>
              <Typography.Text strong>{`${data.orgName} ${data.year}`}</Typography.Text>
              <Tag>{`${t('dev.quota')} ${data.totals.quota}`}</Tag>
              <Tag color={data.totals.admitted > data.totals.quota ? 'red' : 'blue'}>
                {`${t('dev.admitted')} ${data.totals.admitted}`}
              </Tag>
              {share !== null && (
                <Tag color={share > 0.4 ? 'orange' : 'default'}>
                  {t('dev.monthShare', { share: `${Math.round(share * 100)}%` })}
                </Tag>
              )}
            </Space>
            <Table<ProgressLine>
              data-testid="plan-progress"
              rowKey={(l) => `${l.orgId}-${l.category}`}
              size="small"
              scroll={{ x: 720 }}
              dataSource={data.lines}
              columns={columns}
              pagination={false}
            />
          </>
        );
      }}
    </QueryState>
  );
}

export default function PlanPage() {
  const { t } = useI18n();
  const { abilities } = useSession();
  const [params, setParams] = useSearchParams();
  const tree = useOrgTree();
  const orgId = params.get('orgId') ?? tree.data?.roots[0]?.id;
  const year = Number(params.get('year') ?? thisYear());
  const picked = params.get('college');
  const overview = usePlanOverview(orgId, year);
  const [editing, setEditing] = useState<PlanOverviewRow | null>(null);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'college') next.delete('college');
    setParams(next, { replace: true });
  };
  const rows = overview.data?.items ?? [];
  const current = rows.find((r) => r.orgId === picked) ?? (rows.length === 1 ? rows[0] : undefined);

  const columns = [
    {
      title: t('dev.college'),
      key: 'org',
      render: (_: unknown, r: PlanOverviewRow) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => set('college', r.orgId)}>
          {r.orgName}
        </Button>
      ),
    },
    {
      title: t('dev.quota'),
      key: 'quota',
      align: 'right' as const,
      render: (_: unknown, r: PlanOverviewRow) =>
        r.quota === null ? <Typography.Text type="secondary">{t('dev.noPlanShort')}</Typography.Text> : r.quota,
    },
    { title: t('dev.admitted'), dataIndex: 'admitted', key: 'admitted', align: 'right' as const },
    {
      title: t('dev.remaining'),
      key: 'remaining',
      align: 'right' as const,
      render: (_: unknown, r: PlanOverviewRow) => {
        if (r.quota === null) return '';
        const left = r.quota - r.admitted;
        return left < 0 ? <Tag color="red">{`${t('dev.overPlan')} ${-left}`}</Tag> : left;
      },
    },
    ...(abilities.writes
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r: PlanOverviewRow) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)}>
                {r.planId ? t('dev.editPlan') : t('dev.newPlan')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('dev.plansTitle')}>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          <Col xs={24} md={12}>
            <OrgPicker
              aria-label={t('dev.org')}
              value={orgId}
              onChange={(v) => set('orgId', v)}
              placeholder={t('dev.pickOrg')}
            />
          </Col>
          <Col xs={12} md={4}>
            <InputNumber
              aria-label={t('dev.year')}
              value={year}
              min={2000}
              max={2100}
              onChange={(v) => v && set('year', String(v))}
              style={{ width: '100%' }}
            />
          </Col>
        </Row>
        <QueryState query={overview}>
          {() => (
            <Table<PlanOverviewRow>
              data-testid="plan-overview"
              rowKey="orgId"
              size="small"
              dataSource={rows}
              columns={columns}
              rowClassName={(r) => (r.orgId === current?.orgId ? 'ant-table-row-selected' : '')}
              pagination={rows.length > 50 ? { pageSize: 50 } : false}
            />
          )}
        </QueryState>
      </Card>
      {current && (
        <Card size="small" title={`${current.orgName} · ${t('dev.byBranch')}`}>
          {current.planId ? (
            <Progress planId={current.planId} />
          ) : (
            <Typography.Text type="secondary">{t('dev.noPlan')}</Typography.Text>
          )}
        </Card>
      )}
      <PlanModal row={editing} onClose={() => setEditing(null)} />
    </Space>
  );
}
