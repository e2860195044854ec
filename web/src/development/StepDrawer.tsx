/**
 * Records the next step of a case (or corrects one) with the fields of that step. A vote shows,
 * while it is typed, whether the counts add up, the meeting was quorate and the motion carried,
 * and counts that do not add up are not sent. A refusal of the server (400: field and rule) is
 * shown on the field and above the buttons; nothing was written.
 */
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Drawer,
  Form,
  type FormInstance,
  Grid,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { showApiError } from '../components/forms.ts';
import { type TextKey, useI18n } from '../i18n/index.tsx';
import { correctStep, type DevCase, type DevEventItem, recordStep } from './api.ts';
import { type DevStep, devSteps, stepName, superiorSteps } from './names.ts';
import { PeoplePicker } from './PeoplePicker.tsx';
import {
  assessmentResults,
  dataOf,
  documentsOf,
  fieldsOf,
  formPath,
  ruleOf,
  type StepFormValues,
} from './step-fields.ts';
import { checkVote } from './vote.ts';

type Issue = { field: string; reason: string; rule: string | null };

const voteKeys = ['expected', 'present', 'yes', 'no', 'abstain'] as const;

function Verdict({ ok, yes, no }: { ok: boolean; yes: string; no: string }) {
  return (
    <div>
      {ok ? (
        <Typography.Text type="success">
          <CheckCircleFilled /> {yes}
        </Typography.Text>
      ) : (
        <Typography.Text type="danger">
          <CloseCircleFilled /> {no}
        </Typography.Text>
      )}
    </div>
  );
}

export function StepDrawer({
  open,
  onClose,
  devCase,
  suggested,
  editing,
}: {
  open: boolean;
  onClose: () => void;
  devCase: DevCase;
  /** The step that is due next, offered first. */
  suggested?: DevStep;
  /** An event being corrected instead of a new one. */
  editing?: DevEventItem | null;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<StepFormValues>();
  const step = Form.useWatch('step', form) as DevStep | undefined;
  const vote = Form.useWatch('vote', form);
  const [saving, setSaving] = useState(false);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [blocked, setBlocked] = useState(false);
  const fields = fieldsOf(step);
  const check = checkVote(vote);

  useEffect(() => {
    if (!open) return;
    setIssues([]);
    setBlocked(false);
    form.resetFields();
    if (editing) {
      const d = editing.data;
      form.setFieldsValue({
        step: editing.step,
        on: dayjs(editing.on),
        by: d.by,
        mentors: d.mentors,
        sponsors: d.sponsors,
        hours: d.hours,
        until: d.until ? dayjs(d.until) : undefined,
        result: d.result,
        vote: d.vote,
        months: d.months,
        documents: editing.documents.map((x) => x.name),
        note: editing.note ?? undefined,
      });
    } else form.setFieldsValue({ step: suggested, on: dayjs() });
  }, [open, editing, suggested, form]);

  const label = (f: string): string => {
    // A later step that the write would break is named by its id (`events.<id>.on`).
    const later = /^events\.([^.]+)\.(.+)$/.exec(f);
    if (later) {
      const e = devCase.events.find((x) => x.id === later[1]);
      return e ? `${stepName(e.step, locale)}（${e.on}）·${label(later[2])}` : f;
    }
    const path = formPath(f);
    const head = String(path[0] ?? '');
    if (head === 'vote' && path[1]) return `${t('dev.vote')}·${t(`dev.${path[1]}` as TextKey)}`;
    const key = `dev.${head === 'by' ? 'talkBy' : head}` as TextKey;
    const text = t(key);
    return text === key ? f : text;
  };

  const submit = async (v: StepFormValues) => {
    setIssues([]);
    if (fields.includes('vote') && !(check.complete && check.addsUp)) {
      setBlocked(true);
      return;
    }
    setBlocked(false);
    setSaving(true);
    const body = {
      step: v.step,
      on: v.on.format('YYYY-MM-DD'),
      data: dataOf(v),
      documents: documentsOf(v),
      note: v.note || null,
    };
    try {
      if (editing) {
        const { step: _kept, ...correction } = body;
        await correctStep(editing.id, { ...correction, version: editing.version });
      } else await recordStep(devCase.id, body);
      message.success(t('dev.saved'));
      await queryClient.invalidateQueries({ queryKey: ['development'] });
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && Array.isArray(e.details)) {
        const list = (e.details as { field?: string; reason?: string; rule?: string }[]).map((d) => ({
          field: d.field ?? '',
          reason: d.reason ?? '',
          rule: ruleOf(d),
        }));
        setIssues(list);
        const shown = new Set(['step', 'on', 'note', 'documents', ...fields]);
        (form as unknown as FormInstance).setFields(
          list
            .map((i) => ({ name: formPath(i.field), errors: [i.reason] }))
            .filter(
              (f) => f.name.length && shown.has(String(f.name[0])) && (f.name[0] !== 'vote' || f.name.length > 1),
            ),
        );
      } else showApiError(e, message);
    } finally {
      setSaving(false);
    }
  };

  const number = (name: (string | number)[], key: TextKey, min = 0, extra?: object) => (
    <Form.Item name={name} label={t(key)} rules={[{ required: true }]} {...extra}>
      <InputNumber min={min} precision={0} inputMode="numeric" style={{ width: '100%' }} />
    </Form.Item>
  );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={editing ? `${t('dev.correct')}：${stepName(editing.step, locale)}` : t('dev.recordStep')}
      size={screens.sm ? 560 : '100%'}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('dev.submit')}
          </Button>
        </Space>
      }
    >
      <Form<StepFormValues> form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item name="step" label={t('dev.step')} rules={[{ required: true }]}>
          <Select
            disabled={Boolean(editing)}
            showSearch={{ optionFilterProp: 'label' }}
            options={devSteps
              .filter((s) => (superiorSteps.includes(s) ? devCase.may.approve : devCase.may.record))
              .map((s) => ({ value: s, label: stepName(s, locale) }))}
            onChange={() => {
              setIssues([]);
              setBlocked(false);
            }}
          />
        </Form.Item>
        <Form.Item name="on" label={t('dev.on')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {fields.includes('by') && (
          <Form.Item name="by" label={t('dev.talkBy')} rules={[{ required: step === 'talk' }]}>
            <PeoplePicker orgId={devCase.org.id} fullOnly known={devCase.people} />
          </Form.Item>
        )}
        {fields.includes('mentors') && (
          <Form.Item name="mentors" label={t('dev.mentors')} rules={[{ required: true }]}>
            <PeoplePicker orgId={devCase.org.id} fullOnly max={2} known={devCase.people} />
          </Form.Item>
        )}
        {fields.includes('sponsors') && (
          <Form.Item name="sponsors" label={t('dev.sponsors')} rules={[{ required: true }]}>
            <PeoplePicker orgId={devCase.org.id} fullOnly max={2} known={devCase.people} />
          </Form.Item>
        )}
        {fields.includes('hours') && (
          <Form.Item name="hours" label={t('dev.hours')} rules={[{ required: true }]}>
            <InputNumber min={0} max={1000} step={0.5} inputMode="decimal" style={{ width: '100%' }} />
          </Form.Item>
        )}
        {fields.includes('until') && (
          <Form.Item name="until" label={t('dev.until')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        {fields.includes('result') && (
          <Form.Item name="result" label={t('dev.result')} rules={[{ required: true }]}>
            <Select options={assessmentResults.map((r) => ({ value: r, label: t.label('devResult', r) }))} />
          </Form.Item>
        )}
        {fields.includes('months') && (
          <Form.Item name="months" label={t('dev.months')} rules={[{ required: true }]}>
            <InputNumber min={1} max={24} precision={0} inputMode="numeric" style={{ width: '100%' }} />
          </Form.Item>
        )}
        {fields.includes('vote') && (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }} data-testid="vote">
            <legend style={{ fontWeight: 600, marginBottom: 8 }}>{t('dev.vote')}</legend>
            <Row gutter={8}>
              {voteKeys.map((k) => (
                <Col key={k} xs={8} sm={k === 'expected' || k === 'present' ? 12 : 8}>
                  {number(['vote', k], `dev.${k}` as TextKey, 0)}
                </Col>
              ))}
            </Row>
            <div role="status" data-testid="vote-check" style={{ marginBottom: 16 }}>
              {check.complete ? (
                <>
                  <Verdict ok={check.addsUp} yes={t('dev.voteAddsUp')} no={t('dev.voteNotAddsUp')} />
                  <Verdict ok={check.quorate} yes={t('dev.quorate')} no={t('dev.notQuorate')} />
                  <Verdict ok={check.carries} yes={t('dev.carries')} no={t('dev.notCarries')} />
                </>
              ) : (
                <Typography.Text type="secondary">{t('dev.voteIncomplete')}</Typography.Text>
              )}
            </div>
          </fieldset>
        )}
        <Form.Item name="documents" label={t('dev.documents')}>
          <Select mode="tags" open={false} suffixIcon={null} placeholder={t('dev.documentName')} />
        </Form.Item>
        <Form.Item name="note" label={t('dev.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {blocked && (
          <Alert type="error" showIcon role="alert" title={t('dev.voteBlocked')} style={{ marginBottom: 12 }} />
        )}
        {issues.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="step-refused"
            title={t('dev.rejected', { reason: '' })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {issues.map((i) => (
                  <li key={`${i.field}-${i.reason}`}>
                    <strong>{label(i.field)}</strong>：{i.reason} {i.rule && <Tag color="red">{i.rule}</Tag>}
                  </li>
                ))}
              </ul>
            }
          />
        )}
      </Form>
    </Drawer>
  );
}
