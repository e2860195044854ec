/**
 * 待审批: the cases of a college waiting for its committee, as the server lists them
 * (GET /development/queue) — a preliminary review after the publicity, the approval after the
 * general assembly, the approval of confirmation after the confirmation vote, a decision when
 * probation is over — with the approve action (the step is recorded on the chosen day; the server
 * checks the deadline and the approver's scope). A decision at the end of probation (confirm,
 * extend or cancel) is taken on the case's page.
 */
import { CheckOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Modal, Row, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { useOrgTree } from '../api/orgs.ts';
import { showApiError } from '../components/forms.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { type QueueEntry, type QueueWaiting, recordStep, useQueue } from './api.ts';
import { type DevStep, stageColor, stageName, stepName } from './names.ts';
import { ruleOf } from './step-fields.ts';

/** An entry the committee approves from the list: the step it records. */
type Approvable = QueueEntry & { waiting: DevStep & QueueWaiting };

const approvable = (e: QueueEntry): e is Approvable => e.waiting !== 'probationDecision';

function ApproveModal({ item, onClose }: { item: Approvable | null; onClose: () => void }) {
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
      await recordStep(item.case.id, { step: item.waiting, on: on.format('YYYY-MM-DD'), data: {}, documents: [] });
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
      title={item ? `${stepName(item.waiting, locale)}：${item.case.person.name}` : ''}
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
  const queue = useQueue(orgId);
  const [approving, setApproving] = useState<Approvable | null>(null);
  const rows = queue.data?.items ?? [];
  const waitingName = (w: QueueWaiting) =>
    w === 'probationDecision' ? t('dev.probationDecision') : stepName(w, locale);

  const columns = [
    {
      title: t('dev.person'),
      key: 'name',
      render: (_: unknown, r: QueueEntry) => (
        <Link to={`/development/cases/${r.case.id}`}>{`${r.case.person.name}（${r.case.person.code}）`}</Link>
      ),
    },
    { title: t('dev.branch'), key: 'org', render: (_: unknown, r: QueueEntry) => r.case.org.name },
    {
      title: t('dev.stage'),
      key: 'stage',
      render: (_: unknown, r: QueueEntry) => (
        <Tag color={stageColor[r.case.stage]}>{stageName(r.case.stage, locale)}</Tag>
      ),
    },
    {
      title: t('dev.lastStep'),
      key: 'last',
      render: (_: unknown, r: QueueEntry) => `${stepName(r.lastStep.step, locale)} ${r.lastStep.on}`,
    },
    {
      title: t('dev.waitingFor'),
      key: 'waiting',
      render: (_: unknown, r: QueueEntry) => <Tag color="red">{waitingName(r.waiting)}</Tag>,
    },
    { title: t('dev.waitingSince'), key: 'since', render: (_: unknown, r: QueueEntry) => r.since },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, r: QueueEntry) =>
        approvable(r) ? (
          <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => setApproving(r)}>
            {t('dev.approve')}
          </Button>
        ) : (
          <Link to={`/development/cases/${r.case.id}`}>{t('dev.decideOnCase')}</Link>
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
      <QueryState query={queue}>
        {() => (
          <Table<QueueEntry>
            data-testid="approval-queue"
            rowKey={(r) => r.case.id}
            size="small"
            scroll={{ x: 720 }}
            loading={queue.isFetching}
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
