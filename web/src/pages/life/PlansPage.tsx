/**
 * 年度三会一课计划: the plans of the branches in scope by year; a secretary starts one, fills its
 * items while it is a draft (or returned), submits it; the superior approves or returns it with a
 * comment. Each item shows whether a held meeting answers it, and can be scheduled as a meeting.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
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
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { showApiError } from '../../components/forms.ts';
import { OrgPicker } from '../../components/OrgPicker.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { todayInShanghai, useCanWrite } from './hooks.ts';
import { MeetingStatusTag, MeetingTypeTag, optionsOf } from './labels.tsx';

const plannableTypes = [
  'generalAssembly',
  'committeeMeeting',
  'groupMeeting',
  'partyLecture',
  'themeDay',
  'lifeMeeting',
  'conversation',
] as const;

const planStatusColor: Record<string, string> = {
  draft: 'default',
  submitted: 'blue',
  approved: 'green',
  returned: 'red',
};

type PlanSummary = {
  id: string;
  orgId: string;
  orgName: string;
  orgCode: string;
  year: number;
  status: string;
  submittedOn: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  dueDate: string;
  late: boolean;
  version: number;
};
type PlanListItem = PlanSummary & { itemCount: number };
type PlanItem = {
  id: string;
  type: string;
  month: number;
  plannedOn: string | null;
  topic: string;
  lecturerId: string | null;
  lecturerName: string | null;
  meetingId: string | null;
  meeting: { id: string; code: string; heldOn: string; status: string; title: string } | null;
  done: boolean;
  overdue: boolean;
};
type Plan = PlanSummary & { items: PlanItem[]; counts: { total: number; done: number; overdue: number } };

function PlanStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={planStatusColor[status]}>{t.label('planStatus', status)}</Tag>;
}

export function PlansListPage() {
  const { t } = useI18n();
  const { abilities } = useSession();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const orgId = params.get('orgId') ?? undefined;
  const year = Number(params.get('year') ?? thisYear);
  const [creating, setCreating] = useState(false);
  const [newOrg, setNewOrg] = useState<string | undefined>(orgId);
  const list = useQuery({
    queryKey: ['plans', { orgId, year }],
    queryFn: () => api.get<{ items: PlanListItem[] }>('/plans', { orgId, year }),
  });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const create = async () => {
    try {
      const plan = await api.post<Plan>('/plans', { orgId: newOrg, year, items: [] });
      navigate(`/plans/${plan.id}`);
    } catch (e) {
      showApiError(e, message);
    }
  };
  const columns: ColumnsType<PlanListItem> = [
    {
      title: t('plan.branch'),
      key: 'org',
      render: (_, p) => <Link to={`/plans/${p.id}`}>{p.orgName}</Link>,
    },
    { title: t('plan.year'), dataIndex: 'year', width: 80 },
    { title: t('plan.status'), dataIndex: 'status', width: 100, render: (s) => <PlanStatusTag status={s} /> },
    { title: t('plan.itemCount'), dataIndex: 'itemCount', width: 80 },
    {
      title: t('plan.submittedOn'),
      key: 'submitted',
      width: 160,
      render: (_, p) => (
        <span>
          {p.submittedOn ?? '—'} {p.late && <Tag color="red">{t('plan.late')}</Tag>}
        </span>
      ),
    },
    { title: t('plan.dueDate'), dataIndex: 'dueDate', width: 110, responsive: ['md'] },
    { title: t('plan.reviewer'), dataIndex: 'reviewedByName', width: 140, responsive: ['lg'], render: (v) => v ?? '—' },
  ];
  return (
    <Card
      title={t('plan.list')}
      extra={
        abilities.writes && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('plan.new')}
          </Button>
        )
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={12} xl={8}>
          <OrgPicker
            aria-label={t('meeting.filterOrg')}
            placeholder={t('meeting.filterOrg')}
            value={orgId}
            onChange={(v) => set('orgId', v)}
            allowClear
          />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <InputNumber
            aria-label={t('plan.year')}
            value={year}
            min={2000}
            max={2100}
            onChange={(v) => v && set('year', String(v))}
            style={{ width: '100%' }}
          />
        </Col>
      </Row>
      <QueryState query={list}>
        {() => (
          <Table<PlanListItem>
            data-testid="plan-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
          />
        )}
      </QueryState>
      <Modal
        open={creating}
        title={`${t('plan.new')} · ${year}`}
        onCancel={() => setCreating(false)}
        onOk={create}
        okButtonProps={{ disabled: !newOrg }}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('plan.branch')} required>
            <OrgPicker
              aria-label={t('plan.branch')}
              kinds={['branch']}
              withinRoots={abilities.roles.includes('platformAdmin') ? undefined : abilities.writeRoots}
              value={newOrg}
              onChange={setNewOrg}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

type ItemValues = { type: string; month?: number; plannedOn?: Dayjs | null; topic: string };

export function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { abilities } = useSession();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [scheduling, setScheduling] = useState<PlanItem | null>(null);
  const [heldOn, setHeldOn] = useState<Dayjs | null>(null);
  const [form] = Form.useForm<ItemValues>();
  const plan = useQuery({ queryKey: ['plans', 'detail', id], queryFn: () => api.get<Plan>(`/plans/${id}`) });
  const ownsPlan = useCanWrite(plan.data?.orgId);

  const run = async (key: string, fn: () => Promise<unknown>) => {
    setBusy(key);
    try {
      await fn();
      await plan.refetch();
      message.success(t('common.saved'));
      return true;
    } catch (e) {
      showApiError(e, message);
      plan.refetch();
      return false;
    } finally {
      setBusy(null);
    }
  };

  const itemsOf = (p: Plan) =>
    p.items.map((i) => ({
      type: i.type,
      month: i.month,
      ...(i.plannedOn ? { plannedOn: i.plannedOn } : {}),
      topic: i.topic,
      lecturerId: i.lecturerId,
    }));

  return (
    <QueryState query={plan}>
      {() => {
        const p = plan.data as Plan;
        const editable = ownsPlan && (p.status === 'draft' || p.status === 'returned');
        const columns: ColumnsType<PlanItem> = [
          { title: t('plan.month'), dataIndex: 'month', width: 70, render: (m) => `${m}月` },
          { title: t('plan.plannedOn'), dataIndex: 'plannedOn', width: 110, render: (v) => v ?? '—' },
          { title: t('meeting.type'), dataIndex: 'type', width: 130, render: (v) => <MeetingTypeTag t={t} type={v} /> },
          { title: t('plan.topic'), dataIndex: 'topic' },
          {
            title: t('plan.status'),
            key: 'state',
            width: 220,
            render: (_, i) => (
              <Space wrap size={4}>
                {i.done ? (
                  <Tag color="green">{t('plan.done')}</Tag>
                ) : i.overdue ? (
                  <Tag color="red">{t('plan.overdue')}</Tag>
                ) : (
                  <Tag>{t('plan.pending')}</Tag>
                )}
                {i.meeting ? (
                  <Link to={`/meetings/${i.meeting.id}`}>
                    {i.meeting.heldOn} <MeetingStatusTag t={t} status={i.meeting.status} />
                  </Link>
                ) : (
                  ownsPlan &&
                  p.status === 'approved' && (
                    <Button
                      size="small"
                      onClick={() => {
                        setHeldOn(i.plannedOn ? dayjs(i.plannedOn) : null);
                        setScheduling(i);
                      }}
                    >
                      {t('plan.schedule')}
                    </Button>
                  )
                )}
              </Space>
            ),
          },
          ...(editable
            ? [
                {
                  title: '',
                  key: 'remove',
                  width: 70,
                  render: (_: unknown, i: PlanItem) => (
                    <Button
                      size="small"
                      type="link"
                      danger
                      onClick={() =>
                        run('items', () =>
                          api.patch(`/plans/${id}`, {
                            version: p.version,
                            items: itemsOf({ ...p, items: p.items.filter((x) => x.id !== i.id) }),
                          }),
                        )
                      }
                    >
                      {t('plan.removeItem')}
                    </Button>
                  ),
                },
              ]
            : []),
        ];
        return (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card
              title={
                <Space wrap>
                  <Link to={`/plans?orgId=${p.orgId}&year=${p.year}`}>{t('plan.back')}</Link>
                  <span>
                    {p.orgName} · {p.year}
                  </span>
                  <PlanStatusTag status={p.status} />
                  {p.late && <Tag color="red">{t('plan.late')}</Tag>}
                </Space>
              }
              extra={
                <Space wrap>
                  {editable && (
                    <Button
                      type="primary"
                      loading={busy === 'submit'}
                      disabled={!p.items.length}
                      onClick={() => run('submit', () => api.post(`/plans/${id}/submit`, { version: p.version }))}
                    >
                      {t('plan.submit')}
                    </Button>
                  )}
                  {p.status === 'submitted' && abilities.writes && (
                    <>
                      <Button
                        type="primary"
                        loading={busy === 'approve'}
                        onClick={() => run('approve', () => api.post(`/plans/${id}/approve`, { version: p.version }))}
                      >
                        {t('plan.approve')}
                      </Button>
                      <Button danger onClick={() => setReturning(true)}>
                        {t('plan.return')}
                      </Button>
                    </>
                  )}
                </Space>
              }
            >
              <Typography.Paragraph data-testid="plan-progress">{t('plan.progress', p.counts)}</Typography.Paragraph>
              <Typography.Paragraph type="secondary">
                {t('plan.dueDate')}：{p.dueDate}
                {p.submittedOn && ` · ${t('plan.submittedOn')}：${p.submittedOn}`}
                {p.reviewedByName && ` · ${t('plan.reviewer')}：${p.reviewedByName}`}
              </Typography.Paragraph>
              {p.reviewComment && (
                <Alert
                  type={p.status === 'returned' ? 'warning' : 'info'}
                  showIcon
                  title={`${t('plan.reviewComment')}：${p.reviewComment}`}
                  style={{ marginBottom: 12 }}
                />
              )}
              <Table<PlanItem>
                data-testid="plan-items"
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={[...p.items].sort((a, b) => a.month - b.month)}
                pagination={false}
                scroll={{ x: 'max-content' }}
              />
            </Card>
            {editable && (
              <Card size="small" title={t('plan.addItem')}>
                <Form<ItemValues>
                  form={form}
                  layout="inline"
                  initialValues={{ type: 'generalAssembly' }}
                  onFinish={async (v) => {
                    const ok = await run('items', () =>
                      api.patch(`/plans/${id}`, {
                        version: p.version,
                        items: [
                          ...itemsOf(p),
                          {
                            type: v.type,
                            ...(v.month ? { month: v.month } : {}),
                            ...(v.plannedOn ? { plannedOn: v.plannedOn.format('YYYY-MM-DD') } : {}),
                            topic: v.topic,
                          },
                        ],
                      }),
                    );
                    if (ok) form.resetFields(['topic', 'plannedOn']);
                  }}
                  style={{ rowGap: 8 }}
                >
                  <Form.Item name="type" label={t('meeting.type')} rules={[{ required: true }]}>
                    <Select options={optionsOf(t, 'meetingType', plannableTypes)} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name="month" label={t('plan.month')}>
                    <InputNumber min={1} max={12} style={{ width: 70 }} />
                  </Form.Item>
                  <Form.Item name="plannedOn" label={t('plan.plannedOn')}>
                    <DatePicker />
                  </Form.Item>
                  <Form.Item name="topic" label={t('plan.topic')} rules={[{ required: true, whitespace: true }]}>
                    <Input maxLength={200} style={{ width: 260 }} />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={busy === 'items'} icon={<PlusOutlined />}>
                    {t('plan.addItem')}
                  </Button>
                </Form>
              </Card>
            )}
            <Modal
              open={returning}
              title={t('plan.return')}
              onCancel={() => setReturning(false)}
              okButtonProps={{ disabled: !comment.trim(), loading: busy === 'return', danger: true }}
              onOk={async () => {
                if (await run('return', () => api.post(`/plans/${id}/return`, { version: p.version, comment })))
                  setReturning(false);
              }}
              destroyOnHidden
            >
              <Input.TextArea
                aria-label={t('plan.returnReason')}
                placeholder={t('plan.returnReason')}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                autoSize={{ minRows: 3 }}
              />
            </Modal>
            <Modal
              open={!!scheduling}
              title={`${t('plan.schedule')} · ${scheduling?.topic ?? ''}`}
              onCancel={() => setScheduling(null)}
              okButtonProps={{ loading: busy === 'schedule' }}
              onOk={async () => {
                if (!scheduling) return;
                const ok = await run('schedule', () =>
                  api.post(`/plans/${id}/items/${scheduling.id}/schedule`, {
                    ...(heldOn ? { heldOn: heldOn.format('YYYY-MM-DD') } : {}),
                  }),
                );
                if (ok) setScheduling(null);
              }}
              destroyOnHidden
            >
              <DatePicker
                aria-label={t('meeting.heldOn')}
                value={heldOn}
                onChange={setHeldOn}
                style={{ width: '100%' }}
              />
            </Modal>
          </Space>
        );
      }}
    </QueryState>
  );
}
