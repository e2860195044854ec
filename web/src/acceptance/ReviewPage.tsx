/**
 * A branch's acceptance review. The secretary self-checks here: each indicator with the engine's
 * open findings pre-filled as evidence, a note per indicator, the statement and attachments. The
 * college (first check) and the organization department (re-check) pass or certify it here, or
 * return it with a reason. Only the steps the server says the caller may take are offered.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { showApiError } from '../components/forms.ts';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { type Entry, type ReviewDetail, useReview } from './api.ts';
import { StageTag, useText } from './labels.tsx';

type SelfCheckForm = {
  statement: string;
  notes: Record<string, string | undefined>;
  attachments: { name: string; note?: string; indicator?: string }[];
};

const severityColor: Record<string, string> = { breach: 'red', warning: 'orange', info: 'blue' };

export default function ReviewPage() {
  const { id } = useParams();
  const review = useReview(id);
  return <QueryState query={review}>{() => (review.data ? <ReviewView review={review.data} /> : null)}</QueryState>;
}

function ReviewView({ review }: { review: ReviewDetail }) {
  const { t } = useI18n();
  const text = useText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SelfCheckForm>();
  const [saving, setSaving] = useState(false);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  // A return opens the branch's rectification item; its deadline defaults on the server.
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const canSelfCheck = review.actions.includes('selfCheck');
  const check = review.actions.includes('firstCheck')
    ? { path: 'first-check', pass: 'pass', label: t('acc.pass') }
    : review.actions.includes('recheck')
      ? { path: 'recheck', pass: 'certify', label: t('acc.certify') }
      : null;

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['acceptance'] });

  const submitSelfCheck = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await api.post(`/acceptance/reviews/${review.id}/self-check`, {
        version: review.version,
        statement: v.statement,
        entries: Object.entries(v.notes ?? {})
          .filter(([, note]) => note?.trim())
          .map(([indicator, note]) => ({ indicator, note })),
        attachments: (v.attachments ?? []).map((a) => ({
          name: a.name,
          note: a.note || null,
          indicator: a.indicator || null,
        })),
      });
      message.success(t('acc.submitted'));
      await refresh();
    } catch (e) {
      showApiError(e, message, form);
    } finally {
      setSaving(false);
    }
  };

  const decide = async (decision: string, withReason?: string) => {
    if (!check) return;
    setSaving(true);
    try {
      await api.post(`/acceptance/reviews/${review.id}/${check.path}`, {
        version: review.version,
        decision,
        ...(withReason ? { reason: withReason } : {}),
        ...(decision === 'return' && deadline ? { rectificationDeadline: deadline.format('YYYY-MM-DD') } : {}),
      });
      message.success(t('acc.done'));
      setReturning(false);
      setReason('');
      setDeadline(null);
      await refresh();
    } catch (e) {
      showApiError(e, message);
    } finally {
      setSaving(false);
    }
  };

  const columns = [
    {
      title: t('acc.indicator'),
      key: 'indicator',
      width: 260,
      render: (_: unknown, e: Entry) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{e.indicator}</Typography.Text>
          <Typography.Text>{text(e.title)}</Typography.Text>
          <Typography.Text type="secondary">{t.label('accKind', e.kind)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('acc.evidence'),
      key: 'evidence',
      render: (_: unknown, e: Entry) =>
        e.kind === 'manual' ? (
          '—'
        ) : e.findings.length === 0 ? (
          <Typography.Text type="secondary">{t('acc.noFindings')}</Typography.Text>
        ) : (
          <Space direction="vertical" size={2} data-testid={`acc-evidence-${e.indicator}`}>
            {e.findings.map((f, i) => (
              <span key={f.id ?? i}>
                <Tag color={severityColor[f.severity]}>{f.period ?? '—'}</Tag>
                {text(f.message)}
              </span>
            ))}
          </Space>
        ),
    },
    {
      title: t('acc.note'),
      key: 'note',
      width: 300,
      render: (_: unknown, e: Entry) =>
        canSelfCheck ? (
          <Form.Item name={['notes', e.indicator]} style={{ margin: 0 }}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} aria-label={`${t('acc.note')} ${e.indicator}`} />
          </Form.Item>
        ) : (
          (e.note ?? '—')
        ),
    },
  ];

  return (
    <Card
      title={
        <Space wrap>
          {t('acc.reviewTitle', { branch: review.org.name, campaign: review.campaign.title })}
          <StageTag stage={review.stage} />
        </Space>
      }
      extra={<Link to={`/acceptance/campaigns/${review.campaign.id}`}>{t('acc.campaign')}</Link>}
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('acc.year')}>{review.campaign.year}</Descriptions.Item>
        <Descriptions.Item label={t('acc.closesOn')}>{review.campaign.closesOn}</Descriptions.Item>
        <Descriptions.Item label={t('acc.status')}>{t.label('accStatus', review.campaign.status)}</Descriptions.Item>
      </Descriptions>

      {review.steps.length > 0 && (
        <Card size="small" title={t('acc.steps')} style={{ marginBottom: 16 }}>
          <Timeline
            items={review.steps.map((s) => ({
              color: s.step === 'return' ? 'orange' : s.step === 'recheck' ? 'green' : 'blue',
              children: (
                <span>
                  {s.on} {t.label('accStep', s.step)} · {t.label('accRole', s.actorRole)} {s.actorName}
                  {s.reason ? `：${s.reason}` : ''}
                </span>
              ),
            }))}
          />
        </Card>
      )}

      <Form
        form={form}
        layout="vertical"
        initialValues={{
          statement: review.statement ?? '',
          notes: Object.fromEntries(review.entries.map((e) => [e.indicator, e.note ?? undefined])),
          attachments: review.attachments.map((a) => ({
            name: a.name,
            note: a.note ?? undefined,
            indicator: a.indicator ?? undefined,
          })),
        }}
      >
        <Form.Item name="statement" label={t('acc.statement')} rules={[{ required: canSelfCheck }]}>
          {canSelfCheck ? (
            <Input.TextArea rows={4} placeholder={t('acc.statementHint')} />
          ) : (
            <Typography.Paragraph>{review.statement ?? '—'}</Typography.Paragraph>
          )}
        </Form.Item>
        <Table
          rowKey="indicator"
          size="small"
          columns={columns}
          dataSource={review.entries}
          pagination={false}
          style={{ marginBottom: 16 }}
        />
        <Form.List name="attachments">
          {(fields, { add, remove }) => (
            <Form.Item label={t('acc.attachments')}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true }]}>
                    <Input placeholder={t('acc.attachmentName')} disabled={!canSelfCheck} style={{ width: 240 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'note']}>
                    <Input placeholder={t('acc.attachmentNote')} disabled={!canSelfCheck} style={{ width: 240 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'indicator']}>
                    <Input placeholder={t('acc.indicator')} disabled={!canSelfCheck} style={{ width: 100 }} />
                  </Form.Item>
                  {canSelfCheck && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                </Space>
              ))}
              {canSelfCheck && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                  {t('acc.addAttachment')}
                </Button>
              )}
              {!canSelfCheck && fields.length === 0 && '—'}
            </Form.Item>
          )}
        </Form.List>
      </Form>

      <Space>
        {canSelfCheck && (
          <Button type="primary" loading={saving} onClick={submitSelfCheck}>
            {t('acc.submitSelfCheck')}
          </Button>
        )}
        {check && (
          <Button type="primary" loading={saving} onClick={() => decide(check.pass)}>
            {check.label}
          </Button>
        )}
        {review.actions.includes('return') && (
          <Button danger onClick={() => setReturning(true)}>
            {t('acc.return')}
          </Button>
        )}
        {review.actions.length === 0 && <Typography.Text type="secondary">{t('acc.noAction')}</Typography.Text>}
      </Space>

      <Modal
        open={returning}
        title={t('acc.returnTitle')}
        onCancel={() => setReturning(false)}
        onOk={() => decide('return', reason.trim())}
        okButtonProps={{ disabled: !reason.trim(), loading: saving }}
      >
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('acc.returnReason')}
          aria-label={t('acc.returnReason')}
        />
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 8px' }}>
          {t('acc.returnRectification')}
        </Typography.Paragraph>
        <DatePicker
          value={deadline}
          onChange={setDeadline}
          placeholder={t('acc.rectificationDeadline')}
          aria-label={t('acc.rectificationDeadline')}
          style={{ width: '100%' }}
        />
      </Modal>
    </Card>
  );
}
