/**
 * 待审批: the cases of a college waiting for its committee — a preliminary review after the
 * publicity, the approval after the general assembly, the approval of confirmation after the
 * confirmation vote — with the approve action (the step is recorded on the chosen day; the
 * server checks the deadline and the approver's scope).
 */
import { CheckOutlined } from '@ant-design/icons';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Modal, Row, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../api/client.ts';
import { useOrgTree } from '../api/orgs.ts';
import { showApiError } from '../components/forms.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { type DevCase, type DevCaseItem, recordStep, useCases } from './api.ts';
import { type DevStep, routineSteps, stageColor, stageName, stepName, waitingFor, waitingForEvents } from './names.ts';
import { ruleOf } from './step-fields.ts';

type Waiting = DevCaseItem & { waiting: DevStep };

const readInFull: DevStep[] = [...routineSteps, 'admissionVote', 'confirmationVote'];

function ApproveModal({ item, onClose }: { item: Waiting | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ on: Dayjs }>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string[] | null>(null);
  const submit = async ({ on }: { on: Dayjs }) => {
    if (!item) return;
    setSaving(true);
    setRefusal(null);
    try {
      await recordStep(item.id, { step: item.waiting, on: on.format('YYYY-MM-DD'), data: {}, documents: [] });
      message.success(t('dev.approved'));
      await queryClient.invalidateQueries({ queryKey: ['development'] });
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && Array.isArray(e.details)) {
        setRefusal(
          (e.details as { reason?: string; rule?: string }[]).map((d) => {
            const rule = ruleOf(d);
            return rule && !d.reason?.includes(rule) ? `${rule} ${d.reason ?? ''}` : (d.reason ?? '');
          }),
        );
      } else showApiError(e, message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={Boolean(item)}
      title={item ? `${stepName(item.waiting, locale)}：${item.person.name}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('dev.approve')}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ on: dayjs() }} preserve={false}>
        <Form.Item name="on" label={t('dev.approveOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      {refusal && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('dev.rejected', { reason: '' })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {refusal.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          }
        />
      )}
    </Modal>
  );
}

export default function QueuePage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const tree = useOrgTree();
  const orgId = params.get('orgId') ?? tree.data?.roots[0]?.id;
  const candidates = useCases({ orgId, stage: 'candidate', pageSize: 500 }, Boolean(orgId));
  const probationary = useCases({ orgId, stage: 'probationary', pageSize: 500 }, Boolean(orgId));
  const [approving, setApproving] = useState<Waiting | null>(null);

  const listed = useMemo(
    () => [...(candidates.data?.items ?? []), ...(probationary.data?.items ?? [])],
    [candidates.data, probationary.data],
  );
  // A report recorded after the publicity or the vote hides what the case waits for, and only a vote
  // that carried waits for the college: those cases are read in full, the others judged from the list.
  const unclear = listed.filter((c) => c.lastStep && readInFull.includes(c.lastStep.step));
  const details = useQueries({
    queries: unclear.map((c) => ({
      queryKey: ['development', 'case', c.id],
      queryFn: () => api.get<DevCase>(`/development/cases/${c.id}`),
    })),
  });
  const detailed = new Map(details.flatMap((d) => (d.data ? [[d.data.id, d.data] as const] : [])));

  const rows: Waiting[] = [];
  for (const c of listed) {
    const full = detailed.get(c.id);
    const waiting = full
      ? waitingForEvents(full.stage, full.events)
      : c.lastStep && readInFull.includes(c.lastStep.step)
        ? null
        : waitingFor(c.stage, c.lastStep?.step);
    if (waiting) rows.push({ ...c, waiting });
  }
  // Oldest first: the committee works through what has waited longest.
  rows.sort((a, b) => ((a.lastStep?.on ?? '') < (b.lastStep?.on ?? '') ? -1 : 1));
  const loadingDetails = details.some((d) => d.isLoading);

  const columns = [
    {
      title: t('dev.person'),
      key: 'name',
      render: (_: unknown, r: Waiting) => (
        <Link to={`/development/cases/${r.id}`}>{`${r.person.name}（${r.person.code}）`}</Link>
      ),
    },
    { title: t('dev.branch'), key: 'org', render: (_: unknown, r: Waiting) => r.org.name },
    {
      title: t('dev.stage'),
      key: 'stage',
      render: (_: unknown, r: Waiting) => <Tag color={stageColor[r.stage]}>{stageName(r.stage, locale)}</Tag>,
    },
    {
      title: t('dev.lastStep'),
      key: 'last',
      render: (_: unknown, r: Waiting) => (r.lastStep ? `${stepName(r.lastStep.step, locale)} ${r.lastStep.on}` : ''),
    },
    {
      title: t('dev.waitingFor'),
      key: 'waiting',
      render: (_: unknown, r: Waiting) => <Tag color="red">{stepName(r.waiting, locale)}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, r: Waiting) => (
        <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => setApproving(r)}>
          {t('dev.approve')}
        </Button>
      ),
    },
  ];

  return (
    <Card title={t('dev.queueTitle')}>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12}>
          <OrgPicker
            aria-label={t('dev.org')}
            value={orgId}
            onChange={(v) => {
              const next = new URLSearchParams(params);
              if (v) next.set('orgId', v);
              else next.delete('orgId');
              setParams(next, { replace: true });
            }}
            placeholder={t('dev.pickOrg')}
          />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">{t('dev.queueHint')}</Typography.Paragraph>
      <QueryState query={candidates.isError ? candidates : probationary}>
        {() => (
          <Table<Waiting>
            data-testid="approval-queue"
            rowKey="id"
            size="small"
            scroll={{ x: 720 }}
            loading={candidates.isFetching || probationary.isFetching || loadingDetails}
            dataSource={rows}
            columns={columns}
            locale={{ emptyText: t('dev.queueEmpty') }}
            pagination={rows.length > 50 ? { pageSize: 50 } : false}
          />
        )}
      </QueryState>
      <ApproveModal item={approving} onClose={() => setApproving(null)} />
    </Card>
  );
}
