/**
 * 我的组织生活, a member's own page (made for a phone): the meetings they are expected at next,
 * how they attended this year, the make-ups they owe, and their thought reports with the form
 * to submit one.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Form, Input, Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { showApiError } from '../../components/forms.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ItemList } from './ItemList.tsx';
import { AttendanceTag, MeetingStatusTag, MeetingTypeTag, timeRange } from './labels.tsx';
import { lifeFeatures } from './lifeFeatures.ts';
import './life.css';

type MyMeeting = {
  id: string;
  orgId: string;
  orgName: string;
  type: string;
  status: string;
  heldOn: string;
  startTime: string | null;
  endTime: string | null;
  title: string;
  place: string | null;
  attendance: string | null;
  makeupOn: string | null;
  makeupContent: string | null;
};

type MyLife = {
  personId: string;
  year: number;
  upcoming: MyMeeting[];
  attendance: {
    expected: number;
    attended: number;
    absent: number;
    leave: number;
    rate: number | null;
    meetings: MyMeeting[];
  };
  makeups: MyMeeting[];
  reports: { id: string; title: string; submittedOn: string; read: boolean; comment: string | null }[];
};

const myLifeKey = ['life', 'me'];

function meetingDescription(t: ReturnType<typeof useI18n>['t'], m: MyMeeting, extra?: React.ReactNode) {
  return (
    <Space wrap size={4}>
      <span>
        {m.heldOn} {timeRange(m.startTime, m.endTime)}
      </span>
      <MeetingTypeTag t={t} type={m.type} />
      {m.place && <span>{m.place}</span>}
      {extra}
    </Space>
  );
}

function ReportForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ title?: string; content: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={busy}
      onFinish={async (v) => {
        setBusy(true);
        try {
          await api.post('/reports', { title: v.title?.trim() || undefined, content: v.content });
          message.success(t('report.submitted'));
          form.resetFields();
          onDone();
        } catch (e) {
          showApiError(e, message, form);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form.Item label={t('report.title')} name="title">
        <Input maxLength={100} placeholder="思想汇报" />
      </Form.Item>
      <Form.Item label={t('report.content')} name="content" rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} maxLength={20_000} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} block>
        {t('report.submit')}
      </Button>
    </Form>
  );
}

type MyAppraisal = {
  id: string;
  orgName: string;
  year: number;
  step: string;
  selfAssessment: string | null;
  selfAssessedOn: string | null;
  entryVersion: number;
  verdict: string | null;
};

/** 民主评议 of the member: the self-assessment while that step is open, the verdict once closed. */
function MyAppraisals() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const mine = useQuery({
    queryKey: ['appraisals', 'mine'],
    queryFn: () => api.get<{ items: MyAppraisal[] }>('/appraisals/mine'),
  });
  const items = mine.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card size="small" title={t('my.appraisals')}>
      <ItemList<MyAppraisal>
        data-testid="my-appraisals"
        items={items}
        rowKey={(a) => a.id}
        empty=""
        title={(a) => (
          <Space wrap size={4}>
            <span>
              {a.orgName} · {a.year}
            </span>
            <Tag>{t.label('appraisalStep', a.step)}</Tag>
            {a.verdict && <Tag color="red">{t.label('grade', a.verdict)}</Tag>}
          </Space>
        )}
        description={(a) =>
          a.step === 'selfAssessment' ? (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {a.selfAssessedOn && <span>{t('my.selfSubmitted', { on: a.selfAssessedOn })}</span>}
              <Input.TextArea
                aria-label={t('my.selfAssessment')}
                value={texts[a.id] ?? a.selfAssessment ?? ''}
                onChange={(e) => setTexts((prev) => ({ ...prev, [a.id]: e.target.value }))}
                autoSize={{ minRows: 4, maxRows: 12 }}
                maxLength={5000}
              />
              <Button
                type="primary"
                block
                loading={busy === a.id}
                disabled={!(texts[a.id] ?? a.selfAssessment ?? '').trim()}
                onClick={async () => {
                  setBusy(a.id);
                  try {
                    await api.post(`/appraisals/${a.id}/self-assessment`, {
                      text: texts[a.id] ?? a.selfAssessment,
                      ...(a.selfAssessedOn ? { version: a.entryVersion } : {}),
                    });
                    message.success(t('common.saved'));
                    await mine.refetch();
                  } catch (e) {
                    showApiError(e, message);
                  } finally {
                    setBusy(null);
                  }
                }}
              >
                {t('my.submitSelf')}
              </Button>
            </Space>
          ) : a.selfAssessedOn ? (
            t('my.selfSubmitted', { on: a.selfAssessedOn })
          ) : null
        }
      />
    </Card>
  );
}

export default function MyLifePage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [writing, setWriting] = useState(false);
  const me = useQuery({ queryKey: myLifeKey, queryFn: () => api.get<MyLife>('/life/me') });

  return (
    <QueryState query={me}>
      {() => {
        const d = me.data as MyLife;
        const a = d.attendance;
        return (
          <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 960 }}>
            <Card size="small" title={t('my.upcoming')}>
              <ItemList<MyMeeting>
                data-testid="my-upcoming"
                items={d.upcoming}
                rowKey={(m) => m.id}
                empty={t('my.noUpcoming')}
                title={(m) => m.title}
                description={(m) => meetingDescription(t, m, <MeetingStatusTag t={t} status={m.status} />)}
              />
            </Card>
            {lifeFeatures.appraisals && <MyAppraisals />}
            <Card size="small" title={t('my.attendance', { year: d.year })}>
              <Space align="center" wrap style={{ marginBottom: 8 }}>
                <Progress
                  type="circle"
                  size={72}
                  percent={a.rate ?? 0}
                  format={() => (a.rate === null ? '—' : `${a.rate}%`)}
                />
                <Typography.Text data-testid="my-attendance-summary">
                  {t('my.attendanceSummary', {
                    expected: a.expected,
                    attended: a.attended,
                    leave: a.leave,
                    absent: a.absent,
                  })}
                </Typography.Text>
              </Space>
              <ItemList<MyMeeting>
                data-testid="my-attendance"
                items={[...a.meetings].reverse()}
                rowKey={(m) => m.id}
                empty={t('common.empty')}
                pageSize={8}
                title={(m) => m.title}
                description={(m) => meetingDescription(t, m, <AttendanceTag t={t} status={m.attendance} />)}
              />
            </Card>
            <Card size="small" title={t('my.makeups')}>
              <ItemList<MyMeeting>
                data-testid="my-makeups"
                items={d.makeups}
                rowKey={(m) => m.id}
                empty={t('my.noMakeups')}
                title={(m) => m.title}
                description={(m) => meetingDescription(t, m, <AttendanceTag t={t} status={m.attendance} />)}
              />
            </Card>
            <Card
              size="small"
              title={t('my.reports')}
              extra={
                !writing && (
                  <Button type="primary" size="small" onClick={() => setWriting(true)}>
                    {t('report.submit')}
                  </Button>
                )
              }
            >
              {writing && (
                <div style={{ marginBottom: 16 }}>
                  <ReportForm
                    onDone={() => {
                      setWriting(false);
                      queryClient.invalidateQueries({ queryKey: myLifeKey });
                    }}
                  />
                </div>
              )}
              <ItemList<MyLife['reports'][number]>
                data-testid="my-reports"
                items={d.reports}
                rowKey={(r) => r.id}
                empty={t('my.noReports')}
                title={(r) => (
                  <Space wrap size={4}>
                    <span>{r.title}</span>
                    <Tag color={r.read ? 'green' : 'default'}>{r.read ? t('report.read') : t('report.unread')}</Tag>
                  </Space>
                )}
                description={(r) => (
                  <>
                    <div>{r.submittedOn}</div>
                    {r.comment && (
                      <div>
                        {t('report.comment')}：{r.comment}
                      </div>
                    )}
                  </>
                )}
              />
            </Card>
          </Space>
        );
      }}
    </QueryState>
  );
}
