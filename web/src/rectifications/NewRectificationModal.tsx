/**
 * The form that opens a rectification item: by hand (org and problem typed in) or from a finding
 * (the server fills in org, problem and year). On success it opens the new item's page.
 */
import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client.ts';
import { showApiError } from '../components/forms.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { useI18n } from '../i18n/index.tsx';
import type { RectificationDetail } from './api.ts';

type Values = { orgId?: string; problem?: string; ownerName: string; measures: string; deadline?: Dayjs };

export function NewRectificationModal({
  open,
  onClose,
  findingId,
  problem,
}: {
  open: boolean;
  onClose: () => void;
  /** From a finding: org and year come from it; the problem is its message unless changed. */
  findingId?: string;
  problem?: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const submit = async (v: Values) => {
    try {
      const item = await api.post<RectificationDetail>('/rectifications', {
        findingId,
        orgId: findingId ? undefined : v.orgId,
        problem: v.problem || undefined,
        ownerName: v.ownerName,
        measures: v.measures,
        deadline: v.deadline?.format('YYYY-MM-DD'),
      });
      message.success(t('rect.created'));
      await queryClient.invalidateQueries({ queryKey: ['rectifications'] });
      form.resetFields();
      onClose();
      navigate(`/rectifications/${item.id}`);
    } catch (e) {
      showApiError(e, message, form);
    }
  };

  return (
    <Modal
      open={open}
      title={findingId ? t('rect.fromFindingTitle') : t('rect.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ problem }}>
        {!findingId && (
          <Form.Item name="orgId" label={t('rect.org')} rules={[{ required: true }]}>
            <OrgPicker aria-label={t('rect.org')} />
          </Form.Item>
        )}
        <Form.Item name="problem" label={t('rect.problem')} rules={[{ required: !findingId }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="ownerName" label={t('rect.owner')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="measures" label={t('rect.measures')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="deadline" label={t('rect.deadline')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
