/**
 * 组织生活会 preparation and follow-up: talks between members (every member should have one),
 * opinions heard beforehand, and the rectification points the meeting produces until each is done.
 */
import { useQuery } from '@tanstack/react-query';
import { App as AntApp, Button, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { showApiError } from '../../components/forms.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { todayInShanghai } from './hooks.ts';
import { optionsOf } from './labels.tsx';
import { MemberPicker } from './MemberPicker.tsx';
import type { Meeting } from './types.ts';

type Talk = { id: string; personName: string; withPersonName: string; heldOn: string; topic: string; version: number };
type Opinion = { id: string; source: string; content: string; collectedOn: string; version: number };
type Rectification = {
  id: string;
  content: string;
  ownerName: string;
  deadline: string;
  doneOn: string | null;
  evidence: string | null;
  version: number;
};
type Preparation = {
  checklist: {
    members: number;
    membersTalkedWith: number;
    membersWithoutTalk: { personId: string; name: string; code: string }[];
    talks: number;
    opinions: number;
    rectificationsOpen: number;
    rectificationsDone: number;
    rectificationsOverdue: number;
  };
  talks: Talk[];
  opinions: Opinion[];
  rectifications: Rectification[];
};

const opinionSources = ['masses', 'members', 'superior', 'other'] as const;
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

export function LifeMeetingPanel({ meeting, canWrite }: { meeting: Meeting; canWrite: boolean }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [talkForm] = Form.useForm();
  const [opinionForm] = Form.useForm();
  const [pointForm] = Form.useForm();
  const base = `/life-meetings/${meeting.id}`;
  const prep = useQuery({ queryKey: ['life-meetings', meeting.id], queryFn: () => api.get<Preparation>(base) });
  const today = todayInShanghai();

  const write = async (key: string, fn: () => Promise<unknown>, form?: ReturnType<typeof Form.useForm>[0]) => {
    setBusy(key);
    try {
      await fn();
      form?.resetFields();
      await prep.refetch();
      return true;
    } catch (e) {
      showApiError(e, message, form);
      return false;
    } finally {
      setBusy(null);
    }
  };

  return (
    <QueryState query={prep}>
      {() => {
        const p = prep.data as Preparation;
        const c = p.checklist;
        return (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Typography.Text data-testid="lm-summary">
              {t('lm.summary', {
                members: c.members,
                talked: c.membersTalkedWith,
                talks: c.talks,
                opinions: c.opinions,
                open: c.rectificationsOpen,
                overdue: c.rectificationsOverdue,
                done: c.rectificationsDone,
              })}
            </Typography.Text>
            {c.membersWithoutTalk.length > 0 && (
              <Typography.Text type="warning">
                {t('lm.withoutTalk')}
                {c.membersWithoutTalk.map((m) => m.name).join('、')}
              </Typography.Text>
            )}

            <Typography.Title level={5}>{t('lm.talks')}</Typography.Title>
            <Table<Talk>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={p.talks}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('lm.heldOn'), dataIndex: 'heldOn', width: 110 },
                { title: t('lm.person'), dataIndex: 'personName', width: 100 },
                { title: t('lm.withPerson'), dataIndex: 'withPersonName', width: 100 },
                { title: t('lm.topic'), dataIndex: 'topic' },
              ]}
            />
            {canWrite && (
              <Form
                form={talkForm}
                layout="inline"
                style={{ rowGap: 8 }}
                initialValues={{ heldOn: dayjs(today) }}
                onFinish={(v) =>
                  write('talk', () => api.post(`${base}/talks`, { ...v, heldOn: day(v.heldOn) }), talkForm)
                }
              >
                <Form.Item name="personId" label={t('lm.person')} rules={[{ required: true }]}>
                  <MemberPicker orgId={meeting.orgId} style={{ width: 180 }} />
                </Form.Item>
                <Form.Item name="withPersonId" label={t('lm.withPerson')} rules={[{ required: true }]}>
                  <MemberPicker orgId={meeting.orgId} style={{ width: 180 }} />
                </Form.Item>
                <Form.Item name="heldOn" label={t('lm.heldOn')} rules={[{ required: true }]}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name="topic" label={t('lm.topic')} rules={[{ required: true, whitespace: true }]}>
                  <Input maxLength={500} style={{ width: 220 }} />
                </Form.Item>
                <Button htmlType="submit" loading={busy === 'talk'}>
                  {t('lm.add')}
                </Button>
              </Form>
            )}

            <Typography.Title level={5}>{t('lm.opinions')}</Typography.Title>
            <Table<Opinion>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={p.opinions}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('lm.collectedOn'), dataIndex: 'collectedOn', width: 110 },
                {
                  title: t('lm.source'),
                  dataIndex: 'source',
                  width: 80,
                  render: (s) => t.label('opinionSource', s),
                },
                { title: t('lm.content'), dataIndex: 'content' },
              ]}
            />
            {canWrite && (
              <Form
                form={opinionForm}
                layout="inline"
                style={{ rowGap: 8 }}
                initialValues={{ collectedOn: dayjs(today), source: 'members' }}
                onFinish={(v) =>
                  write(
                    'opinion',
                    () => api.post(`${base}/opinions`, { ...v, collectedOn: day(v.collectedOn) }),
                    opinionForm,
                  )
                }
              >
                <Form.Item name="source" label={t('lm.source')} rules={[{ required: true }]}>
                  <Select options={optionsOf(t, 'opinionSource', opinionSources)} style={{ width: 100 }} />
                </Form.Item>
                <Form.Item name="collectedOn" label={t('lm.collectedOn')} rules={[{ required: true }]}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name="content" label={t('lm.content')} rules={[{ required: true, whitespace: true }]}>
                  <Input maxLength={2000} style={{ width: 300 }} />
                </Form.Item>
                <Button htmlType="submit" loading={busy === 'opinion'}>
                  {t('lm.add')}
                </Button>
              </Form>
            )}

            <Typography.Title level={5}>{t('lm.rectifications')}</Typography.Title>
            <Table<Rectification>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={p.rectifications}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('lm.point'), dataIndex: 'content' },
                { title: t('lm.owner'), dataIndex: 'ownerName', width: 100 },
                { title: t('lm.deadline'), dataIndex: 'deadline', width: 110 },
                {
                  title: t('lm.doneOn'),
                  key: 'done',
                  width: 150,
                  render: (_, r) =>
                    r.doneOn ? (
                      <Tag color="green">{r.doneOn}</Tag>
                    ) : (
                      <Space size={4}>
                        <Tag color={r.deadline < today ? 'red' : 'orange'}>
                          {r.deadline < today ? t('lm.overdue') : t('lm.open')}
                        </Tag>
                        {canWrite && (
                          <Button
                            size="small"
                            loading={busy === r.id}
                            onClick={() =>
                              write(r.id, () =>
                                api.patch(`${base}/rectifications/${r.id}`, { version: r.version, doneOn: today }),
                              )
                            }
                          >
                            {t('lm.markDone')}
                          </Button>
                        )}
                      </Space>
                    ),
                },
              ]}
            />
            {canWrite && (
              <Form
                form={pointForm}
                layout="inline"
                style={{ rowGap: 8 }}
                onFinish={(v) =>
                  write(
                    'point',
                    () => api.post(`${base}/rectifications`, { ...v, deadline: day(v.deadline) }),
                    pointForm,
                  )
                }
              >
                <Form.Item name="content" label={t('lm.point')} rules={[{ required: true, whitespace: true }]}>
                  <Input maxLength={2000} style={{ width: 280 }} />
                </Form.Item>
                <Form.Item name="ownerId" label={t('lm.owner')} rules={[{ required: true }]}>
                  <MemberPicker orgId={meeting.orgId} style={{ width: 180 }} />
                </Form.Item>
                <Form.Item name="deadline" label={t('lm.deadline')} rules={[{ required: true }]}>
                  <DatePicker />
                </Form.Item>
                <Button htmlType="submit" loading={busy === 'point'}>
                  {t('lm.add')}
                </Button>
              </Form>
            )}
          </Space>
        );
      }}
    </QueryState>
  );
}
