/**
 * Adding or changing a parameter override: the rule, where it applies (the whole university or a
 * subtree), a value for any of the rule's parameters, and the reason. The server checks the values
 * against the rule's schema; its reasons are shown on their fields, a conflict above the form.
 */
import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useRules } from './api.ts';
import { inLocale, paramText } from './labels.tsx';
import type { OverrideView, ParamValue } from './types.ts';

type Values = { rule?: string; orgId?: string; values?: Record<string, ParamValue | null>; reason?: string };

export type SavedOverride = { rule: string; orgId: string | null };

export function OverrideDialog({
  editing,
  university,
  onClose,
  onSaved,
  onConflict,
}: {
  /** The override being changed; absent for a new one. */
  editing?: OverrideView;
  /** The university the override is for. */
  university: string;
  onClose: () => void;
  onSaved: (saved: SavedOverride) => void;
  /** Someone else changed it meanwhile: the page reloads the configuration. */
  onConflict: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ text: string; conflict: boolean } | null>(null);
  const ruleId = Form.useWatch('rule', form) ?? editing?.rule;
  const rule = rules.data?.items.find((r) => r.id === ruleId);
  const params = Object.entries(rule?.params ?? {});

  const submit = async (v: Values) => {
    setBusy(true);
    setProblem(null);
    // Only the parameters given a value are overridden; the others keep resolving as before.
    const values = Object.fromEntries(
      Object.entries(v.values ?? {}).filter(([, x]) => x !== null && x !== undefined && x !== ''),
    ) as Record<string, ParamValue>;
    try {
      if (editing) {
        await api.put(`/compliance/overrides/${editing.id}`, { values, reason: v.reason, version: editing.version });
      } else {
        await api.post('/compliance/overrides', {
          university,
          rule: v.rule,
          orgId: v.orgId ?? null,
          values,
          reason: v.reason,
        });
      }
      onSaved({ rule: editing?.rule ?? (v.rule as string), orgId: editing ? editing.orgId : (v.orgId ?? null) });
    } catch (e) {
      showProblem(e);
    } finally {
      setBusy(false);
    }
  };

  const showProblem = (e: unknown) => {
    if (!(e instanceof ApiError)) {
      setProblem({ text: (e as Error).message, conflict: false });
      return;
    }
    if (e.status === 409) {
      setProblem({ text: `${e.message} ${t('cs.conflict')}`, conflict: true });
      onConflict();
      return;
    }
    const fields: { name: string[]; errors: string[] }[] = [];
    const elsewhere: string[] = [];
    for (const [field, reason] of Object.entries(e.fieldIssues())) {
      const name = field.split('.');
      const known =
        ['rule', 'orgId', 'reason'].includes(field) ||
        (name[0] === 'values' && name.length === 2 && rule?.params[name[1]]);
      if (known) fields.push({ name, errors: [reason] });
      else elsewhere.push(`${field}: ${reason}`);
    }
    form.setFields(fields as Parameters<typeof form.setFields>[0]);
    if (elsewhere.length || fields.length === 0)
      setProblem({ text: elsewhere.length ? elsewhere.join('；') : e.message, conflict: false });
  };

  return (
    <Modal
      open
      title={editing ? t('cs.editOverride') : t('cs.addOverride')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ disabled: problem?.conflict }}
      destroyOnHidden
    >
      {problem && (
        <Alert data-testid="override-problem" type="error" showIcon title={problem.text} style={{ marginBottom: 16 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          editing
            ? {
                rule: editing.rule,
                orgId: editing.orgId ?? undefined,
                values: editing.values,
                reason: editing.reason ?? '',
              }
            : undefined
        }
        onValuesChange={(changed) => {
          if ('rule' in changed) form.setFieldValue('values', {});
        }}
      >
        <Form.Item label={t('cs.rule')} name="rule" rules={[{ required: true }]}>
          <Select
            aria-label={t('cs.rule')}
            disabled={!!editing}
            showSearch={{ optionFilterProp: 'label' }}
            loading={rules.isLoading}
            placeholder={t('cs.pickRule')}
            options={(rules.data?.items ?? [])
              .filter((r) => Object.keys(r.params).length > 0)
              .map((r) => ({ value: r.id, label: `${r.id} ${inLocale(locale, r.title) || r.text}` }))}
          />
        </Form.Item>
        {editing ? (
          <Form.Item label={t('cs.scope')}>
            <Input aria-label={t('cs.scope')} disabled value={editing.orgName ?? t('cs.wholeUniversity')} />
          </Form.Item>
        ) : (
          <Form.Item label={t('cs.scope')} name="orgId">
            <OrgPicker aria-label={t('cs.scope')} placeholder={t('cs.wholeUniversity')} allowClear />
          </Form.Item>
        )}
        {rule && params.length === 0 && (
          <Typography.Paragraph type="secondary">{t('cs.noParams')}</Typography.Paragraph>
        )}
        {params.map(([param, spec]) => (
          <Form.Item
            key={param}
            label={`${inLocale(locale, spec.label)} (${param})`}
            name={['values', param]}
            extra={[
              t('cs.default', { value: paramText(locale, spec, spec.default) }),
              spec.type !== 'monthDay' && (spec.min !== undefined || spec.max !== undefined)
                ? `${spec.min ?? ''}…${spec.max ?? ''}`
                : null,
            ]
              .filter(Boolean)
              .join('；')}
          >
            {spec.type === 'monthDay' ? (
              <Input aria-label={param} placeholder="MM-DD" style={{ width: 160 }} />
            ) : (
              <InputNumber
                aria-label={param}
                step={spec.type === 'integer' ? 1 : 0.01}
                addonAfter={spec.unit ? inLocale(locale, spec.unit) : undefined}
                style={{ width: 200 }}
              />
            )}
          </Form.Item>
        ))}
        <Form.Item label={t('cs.reason')} name="reason" rules={[{ required: true, message: t('cs.reasonRequired') }]}>
          <Input.TextArea aria-label={t('cs.reason')} rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
