/** Records or corrects a branch's survey: the six checks (result and note each), conclusion, weak. */
import { useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

import { api } from '../api/client.ts';
import { showApiError } from '../components/forms.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { useI18n } from '../i18n/index.tsx';
import { type ChecklistEntry, type Survey, sixChecks } from './api.ts';

type Values = {
  orgId?: string;
  year: number;
  surveyedOn?: Dayjs;
  checklist: ChecklistEntry[];
  conclusion: string;
  weak: boolean;
};

export function SurveyFormModal({
  open,
  onClose,
  survey,
  year,
}: {
  open: boolean;
  onClose: () => void;
  /** The survey to correct; none to record a new one. */
  survey?: Survey | null;
  year: number;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const initial: Values = survey
    ? {
        year: survey.year,
        surveyedOn: dayjs(survey.surveyedOn),
        checklist: sixChecks.map(
          (check) => survey.checklist.find((c) => c.check === check) ?? { check, result: 'good', note: '' },
        ),
        conclusion: survey.conclusion,
        weak: survey.weak,
      }
    : {
        year,
        checklist: sixChecks.map((check) => ({ check, result: 'good', note: '' })),
        conclusion: '',
        weak: false,
      };

  const submit = async (v: Values) => {
    const body = {
      surveyedOn: v.surveyedOn?.format('YYYY-MM-DD'),
      checklist: v.checklist.map((c, i) => ({ check: sixChecks[i], result: c.result, note: c.note ?? '' })),
      conclusion: v.conclusion,
      weak: v.weak,
    };
    try {
      if (survey) await api.put(`/surveys/${survey.id}`, { ...body, version: survey.version });
      else await api.post('/surveys', { ...body, orgId: v.orgId, year: v.year });
      message.success(t('survey.saved'));
      await queryClient.invalidateQueries({ queryKey: ['surveys'] });
      onClose();
    } catch (e) {
      showApiError(e, message, form);
    }
  };

  return (
    <Modal
      open={open}
      width={720}
      title={survey ? `${t('survey.edit')} · ${survey.org.name}` : t('survey.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        {!survey && (
          <Form.Item name="orgId" label={t('survey.branch')} rules={[{ required: true }]}>
            <OrgPicker kinds={['branch']} aria-label={t('survey.branch')} />
          </Form.Item>
        )}
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="year" label={t('survey.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} disabled={Boolean(survey)} />
          </Form.Item>
          <Form.Item name="surveyedOn" label={t('survey.surveyedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </div>
        <Typography.Title level={5}>{t('survey.checks')}</Typography.Title>
        <Form.List name="checklist">
          {(fields) =>
            fields.map((field, i) => (
              <div key={field.key} data-testid={`check-${sixChecks[i]}`} style={{ marginBottom: 8 }}>
                <Typography.Text strong>{t.label('surveyCheck', sixChecks[i])}</Typography.Text>
                <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start', marginTop: 4 }}>
                  <Form.Item name={[field.name, 'result']} style={{ marginBottom: 0 }}>
                    <Radio.Group
                      options={(['good', 'problem'] as const).map((r) => ({
                        value: r,
                        label: t.label('surveyResult', r),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'note']} style={{ flex: 1, marginBottom: 0 }}>
                    <Input placeholder={t('survey.note')} aria-label={`${t('survey.note')} ${i + 1}`} />
                  </Form.Item>
                </div>
              </div>
            ))
          }
        </Form.List>
        <Form.Item name="conclusion" label={t('survey.conclusion')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="weak" valuePropName="checked" extra={t('survey.weakHint')}>
          <Checkbox>{t('survey.weak')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
