/**
 * 列入整改 from a published review: the problem pre-filled from the result, the measures and the
 * deadline typed in. The server takes org, year and the secretary as owner from the review; on
 * success the new item's page opens.
 */
import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client.ts';
import { showApiError } from '../components/forms.ts';
import { useI18n } from '../i18n/index.tsx';
import type { Review, Round } from './api.ts';

type Values = { problem: string; measures: string; deadline?: Dayjs };

export function RectifyReviewModal({
  round,
  review,
  onClose,
}: {
  round: Round;
  review: Review | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const submit = async (v: Values) => {
    if (!review) return;
    try {
      const item = await api.post<{ id: string }>('/rectifications', {
        reviewId: review.id,
        problem: v.problem,
        measures: v.measures,
        deadline: v.deadline?.format('YYYY-MM-DD'),
      });
      message.success(t('rect.created'));
      await queryClient.invalidateQueries({ queryKey: ['secretary-reviews'] });
      await queryClient.invalidateQueries({ queryKey: ['rectifications'] });
      onClose();
      navigate(`/rectifications/${item.id}`);
    } catch (e) {
      showApiError(e, message, form);
    }
  };

  const problem =
    review &&
    t('rev.rectifyProblem', {
      round: round.title,
      person: review.personName,
      grade: t.label('reviewGrade', review.grade),
      score: review.finalScore ?? '—',
    });
  return (
    <Modal
      open={review !== null}
      title={review && `${review.personName} · ${t('rev.rectify')}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('rev.rectify')}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {review && t('rev.rectifyOwner', { person: review.personName })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ problem }}>
        <Form.Item name="problem" label={t('rect.problem')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="measures" label={t('rect.measures')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="deadline" label={t('rect.deadline')} rules={[{ required: true }]}>
          <DatePicker aria-label={t('rect.deadline')} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
