/**
 * One rectification item: what is to be done, by whom and by when; the org files its evidence
 * (done), the superior accepts it (verified) or sends it back with a note; the history below.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  type FormInstance,
  Input,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { atShanghai } from '../compliance/labels.tsx';
import { showApiError } from '../components/forms.ts';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { type RectificationDetail, useRectification } from './api.ts';
import { statusColor } from './RectificationsPage.tsx';

const actionColor: Record<string, string> = { create: 'gray', done: 'blue', verify: 'green', return: 'red' };

export default function RectificationPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const detail = useRectification(id);
  const [doneForm] = Form.useForm();
  const [verifyForm] = Form.useForm();

  const act = async (path: string, body: Record<string, unknown>, form: FormInstance) => {
    const item = detail.data as RectificationDetail;
    try {
      await api.post(`/rectifications/${item.id}/${path}`, { ...body, version: item.version });
      message.success(t('rect.saved'));
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['rectifications'] });
    } catch (e) {
      showApiError(e, message, form);
      await detail.refetch();
    }
  };

  return (
    <QueryState query={detail}>
      {() => {
        const r = detail.data as RectificationDetail;
        return (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} style={{ padding: 0 }}>
              {t('rect.back')}
            </Button>
            <Card
              title={
                <Space wrap>
                  {t('rect.itemTitle')}
                  <Tag color={statusColor[r.status]} data-testid="rectification-status">
                    {t.label('rectStatus', r.status)}
                  </Tag>
                  {r.overdue && <Tag color="red">{t('rect.overdue')}</Tag>}
                </Space>
              }
            >
              <Typography.Title level={5} data-testid="rectification-problem">
                {r.problem}
              </Typography.Title>
              <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
                <Descriptions.Item label={t('rect.org')}>
                  <Link to={`/orgs/${r.org.id}`}>{r.org.name}</Link>
                </Descriptions.Item>
                <Descriptions.Item label={t('rect.source')}>
                  {r.source === 'finding' && r.sourceId ? (
                    <Link to={`/compliance/findings/${r.sourceId}`}>{t.label('rectSource', r.source)}</Link>
                  ) : r.source === 'acceptance' && r.sourceId ? (
                    <Link to={`/acceptance/reviews/${r.sourceId}`}>{t.label('rectSource', r.source)}</Link>
                  ) : (
                    t.label('rectSource', r.source)
                  )}
                  {' · '}
                  {r.year}
                </Descriptions.Item>
                <Descriptions.Item label={t('rect.owner')}>{r.ownerName}</Descriptions.Item>
                <Descriptions.Item label={t('rect.deadline')}>{r.deadline}</Descriptions.Item>
                <Descriptions.Item label={t('rect.measures')} span={2}>
                  {r.measures}
                </Descriptions.Item>
                <Descriptions.Item label={t('rect.evidence')} span={2}>
                  {r.evidence ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('rect.doneOn')}>{r.doneOn ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('rect.verifiedOn')}>
                  {r.verifiedOn ? `${r.verifiedOn} · ${r.verifiedByName ?? ''}` : '—'}
                </Descriptions.Item>
                {r.verificationNote && (
                  <Descriptions.Item label={t('rect.verificationNote')} span={2}>
                    {r.verificationNote}
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>

            {r.status === 'open' && r.mayEdit && (
              <Card title={t('rect.markDone')}>
                <Form form={doneForm} layout="vertical" onFinish={(v) => act('done', v, doneForm)}>
                  <Typography.Paragraph type="secondary">{t('rect.markDoneHint')}</Typography.Paragraph>
                  <Form.Item name="evidence" label={t('rect.evidence')} rules={[{ required: true }]}>
                    <Input.TextArea rows={3} />
                  </Form.Item>
                  <Button type="primary" htmlType="submit">
                    {t('rect.markDone')}
                  </Button>
                </Form>
              </Card>
            )}

            {r.status === 'done' && !r.mayVerify && (
              <Alert type="info" showIcon title={t('rect.waitingVerification')} />
            )}
            {r.status === 'done' && r.mayVerify && (
              <Card title={t('rect.verify')}>
                <Form form={verifyForm} layout="vertical">
                  <Form.Item name="note" label={t('rect.note')}>
                    <Input.TextArea rows={2} />
                  </Form.Item>
                  <Space>
                    <Button
                      type="primary"
                      onClick={() =>
                        act('verify', { decision: 'accept', note: verifyForm.getFieldValue('note') }, verifyForm)
                      }
                    >
                      {t('rect.accept')}
                    </Button>
                    <Button
                      danger
                      onClick={() =>
                        act('verify', { decision: 'return', note: verifyForm.getFieldValue('note') }, verifyForm)
                      }
                    >
                      {t('rect.return')}
                    </Button>
                  </Space>
                </Form>
              </Card>
            )}

            <Card title={t('rect.history')}>
              <Timeline
                data-testid="rectification-history"
                items={r.history.map((h, i) => ({
                  key: `${h.at}/${i}`,
                  color: actionColor[h.action] ?? 'gray',
                  content: (
                    <Space wrap size={4}>
                      <strong>{t.label('rectAction', h.action)}</strong>
                      <span>{h.actorName}</span>
                      <Typography.Text type="secondary">{atShanghai(h.at)}</Typography.Text>
                      {h.note && <Typography.Text>— {h.note}</Typography.Text>}
                    </Space>
                  ),
                }))}
              />
            </Card>
          </Space>
        );
      }}
    </QueryState>
  );
}
