/**
 * One dialog for every step of the excellence workflows: the fields a step needs, sent as the API
 * wants them (dates as YYYY-MM-DD); the server's refusal is shown on its field.
 */
import { App, DatePicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { showApiError } from '../components/forms.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { PersonPicker } from '../components/PersonPicker.tsx';
import { useI18n } from '../i18n/index.tsx';

export type StepField = {
  name: string;
  label: string;
  type: 'date' | 'range' | 'text' | 'textarea' | 'select' | 'year' | 'org' | 'person' | 'switch';
  required?: boolean;
  options?: { value: string; label: string }[];
  /** For `person`: the org whose members are offered (a form field name or an id). */
  orgField?: string;
  /** Shown only while this returns true for the current values. */
  visible?: (values: Record<string, unknown>) => boolean;
};

type Props = {
  open: boolean;
  title: string;
  fields: StepField[];
  initialValues?: Record<string, unknown>;
  onClose: () => void;
  /** Receives the values with dates as strings; a range field `x` becomes `xFrom` and `xUntil`. */
  onSubmit: (values: Record<string, unknown>) => Promise<unknown>;
};

const toPayload = (fields: StepField[], values: Record<string, unknown>) => {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (v === undefined || v === '') continue;
    if (f.type === 'date') out[f.name] = (v as Dayjs).format('YYYY-MM-DD');
    else if (f.type === 'range') {
      const [from, until] = v as [Dayjs, Dayjs];
      out[`${f.name}From`] = from.format('YYYY-MM-DD');
      out[`${f.name}Until`] = until.format('YYYY-MM-DD');
    } else out[f.name] = v;
  }
  return out;
};

export function StepDialog({ open, title, fields, initialValues, onClose, onSubmit }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const values = Form.useWatch([], form) ?? {};
  const submit = async (v: Record<string, unknown>) => {
    try {
      await onSubmit(toPayload(fields, v));
      message.success(t('exc.saved'));
      onClose();
    } catch (e) {
      showApiError(e, message, form);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('exc.save')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={initialValues}>
        {fields
          .filter((f) => !f.visible || f.visible(values))
          .map((f) => (
            <Form.Item
              key={f.name}
              name={f.name}
              label={f.label}
              rules={f.required ? [{ required: true }] : undefined}
              valuePropName={f.type === 'switch' ? 'checked' : 'value'}
            >
              {f.type === 'date' ? (
                <DatePicker aria-label={f.label} style={{ width: '100%' }} />
              ) : f.type === 'range' ? (
                <DatePicker.RangePicker aria-label={f.label} style={{ width: '100%' }} />
              ) : f.type === 'textarea' ? (
                <Input.TextArea aria-label={f.label} rows={3} maxLength={2000} />
              ) : f.type === 'select' ? (
                <Select aria-label={f.label} options={f.options} />
              ) : f.type === 'year' ? (
                <InputNumber aria-label={f.label} min={2000} max={2100} style={{ width: '100%' }} />
              ) : f.type === 'org' ? (
                <OrgPicker aria-label={f.label} />
              ) : f.type === 'person' ? (
                <PersonPicker orgId={(f.orgField && (values[f.orgField] as string)) || undefined} />
              ) : f.type === 'switch' ? (
                <Switch aria-label={f.label} />
              ) : (
                <Input aria-label={f.label} maxLength={200} />
              )}
            </Form.Item>
          ))}
      </Form>
    </Modal>
  );
}
