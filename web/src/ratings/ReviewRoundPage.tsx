/**
 * One round of secretaries' reviews: each secretary's report, the caller's score (organizers score
 * everyone but themselves), the results once published, and publishing. A published review graded
 * 一般 or 差 can be put on the rectification list by a writer of the secretary's org.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, download } from '../api/client.ts';
import { showApiError } from '../components/forms.ts';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import type { Review, Round } from './api.ts';
import { RectifyReviewModal } from './RectifyReviewModal.tsx';

/** The grades that call for a rectification item, as 一般 and 后进 ratings do (ASSESS-02). */
const needsRectification = (r: Review) => r.grade === 'fair' || r.grade === 'poor';

type Dialog = { kind: 'report' | 'score'; review: Review } | null;

export default function ReviewRoundPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [rectifying, setRectifying] = useState<Review | null>(null);
  const [form] = Form.useForm();
  const query = useQuery({
    queryKey: ['secretary-reviews', id],
    queryFn: () => api.get<{ round: Round; reviews: Review[] }>(`/secretary-reviews/rounds/${id}`),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['secretary-reviews'] });
  const save = async (v: { report?: string; score?: number; comment?: string }) => {
    if (!dialog) return;
    try {
      if (dialog.kind === 'report')
        await api.put(`/secretary-reviews/reviews/${dialog.review.id}/report`, {
          version: dialog.review.version,
          report: v.report,
        });
      else
        await api.put(`/secretary-reviews/reviews/${dialog.review.id}/score`, {
          score: v.score,
          comment: v.comment || null,
          version: dialog.review.myScore?.version,
        });
      message.success(t('rat.saved'));
      setDialog(null);
      await refresh();
    } catch (e) {
      showApiError(e, message, form);
    }
  };
  const publish = async (round: Round) => {
    try {
      await api.post(`/secretary-reviews/rounds/${round.id}/publish`, { version: round.version });
      message.success(t('rev.published'));
      await refresh();
    } catch (e) {
      showApiError(e, message);
    }
  };
  return (
    <QueryState query={query}>
      {() => {
        const { round, reviews } = query.data as { round: Round; reviews: Review[] };
        const open = round.status === 'open';
        const columns = [
          {
            title: t('rev.person'),
            key: 'person',
            width: 110,
            render: (_: unknown, r: Review) => (
              <Space>
                {r.personName}
                {r.isMine && <Tag>{t('rev.mine')}</Tag>}
              </Space>
            ),
          },
          { title: t('rev.org'), dataIndex: 'orgName', key: 'org', width: 180 },
          {
            title: t('rev.report'),
            key: 'report',
            render: (_: unknown, r: Review) =>
              r.report ? (
                <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ marginBottom: 0 }}>
                  {r.report}
                </Typography.Paragraph>
              ) : (
                <Tag>{t('rev.notReported')}</Tag>
              ),
          },
          {
            title: t('rev.scores'),
            key: 'scores',
            width: 170,
            render: (_: unknown, r: Review) =>
              r.scores
                ? r.scores.map((s) => (
                    <div key={s.id}>
                      {s.reviewerName}: {s.score}
                    </div>
                  ))
                : r.myScore
                  ? `${t('rev.myScore')} ${r.myScore.score}`
                  : '—',
          },
          {
            title: t('rev.finalScore'),
            key: 'final',
            width: 110,
            render: (_: unknown, r: Review) =>
              r.finalScore === null ? '—' : `${r.finalScore} · ${t.label('reviewGrade', r.grade)}`,
          },
          {
            title: t('rat.actions'),
            key: 'actions',
            render: (_: unknown, r: Review) =>
              open ? (
                <Space size="small">
                  {(r.isMine || round.canManage) && (
                    <Button size="small" onClick={() => setDialog({ kind: 'report', review: r })}>
                      {t('rev.writeReport')}
                    </Button>
                  )}
                  {round.canManage && !r.isMine && (
                    <Button size="small" onClick={() => setDialog({ kind: 'score', review: r })}>
                      {t('rev.scoreIt')}
                    </Button>
                  )}
                </Space>
              ) : (
                <Space size="small">
                  {r.rectification && (
                    <Link to={`/rectifications/${r.rectification.id}`}>
                      {t('rev.rectification')} · {t.label('rectStatus', r.rectification.status)}
                    </Link>
                  )}
                  {needsRectification(r) &&
                    r.canRectify &&
                    (!r.rectification || r.rectification.status === 'verified') && (
                      <Button size="small" data-testid={`rectify-${r.id}`} onClick={() => setRectifying(r)}>
                        {t('rev.rectify')}
                      </Button>
                    )}
                </Space>
              ),
          },
        ];
        return (
          <Card
            title={round.title}
            extra={
              <Space>
                <Tag color={open ? 'blue' : 'green'}>{t.label('roundStatus', round.status)}</Tag>
                <Button
                  icon={<DownloadOutlined />}
                  onClick={() =>
                    download(
                      `/secretary-reviews/rounds/${round.id}/export.xlsx`,
                      undefined,
                      `${round.title}.xlsx`,
                    ).catch((e) => message.error(e.message))
                  }
                >
                  {t('rev.export')}
                </Button>
                {open && round.canManage && (
                  <Popconfirm title={t('rev.publishConfirm')} onConfirm={() => publish(round)}>
                    <Button type="primary">{t('rev.publish')}</Button>
                  </Popconfirm>
                )}
                <Link to="/ratings/reviews">{t('rev.back')}</Link>
              </Space>
            }
          >
            <Typography.Paragraph type="secondary">
              {round.orgName} · {t.label('reviewLevel', round.level)} · {round.year} ·{' '}
              {t('rev.progressValue', { reported: round.reported, scored: round.scored, reviews: round.reviews })}
            </Typography.Paragraph>
            <Table<Review> rowKey="id" size="small" columns={columns} dataSource={reviews} pagination={false} />
            <RectifyReviewModal round={round} review={rectifying} onClose={() => setRectifying(null)} />
            <Modal
              open={dialog !== null}
              title={
                dialog &&
                `${dialog.review.personName} · ${t(dialog.kind === 'report' ? 'rev.writeReport' : 'rev.scoreIt')}`
              }
              onCancel={() => setDialog(null)}
              onOk={() => form.submit()}
              okText={t('rat.save')}
              destroyOnHidden
            >
              <Form
                form={form}
                layout="vertical"
                onFinish={save}
                preserve={false}
                initialValues={{
                  report: dialog?.review.report ?? '',
                  score: dialog?.review.myScore?.score,
                  comment: dialog?.review.myScore?.comment ?? '',
                }}
              >
                {dialog?.kind === 'report' ? (
                  <Form.Item name="report" label={t('rev.report')} rules={[{ required: true }]}>
                    <Input.TextArea rows={10} maxLength={20000} />
                  </Form.Item>
                ) : (
                  <>
                    <Form.Item name="score" label={t('rev.score')} rules={[{ required: true }]}>
                      <InputNumber
                        aria-label={t('rev.score')}
                        min={0}
                        max={100}
                        precision={0}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                    <Form.Item name="comment" label={t('rev.comment')}>
                      <Input.TextArea rows={3} maxLength={2000} />
                    </Form.Item>
                  </>
                )}
              </Form>
            </Modal>
          </Card>
        );
      }}
    </QueryState>
  );
}
