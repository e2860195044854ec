/**
 * 培训班次: the sessions of an org subtree in a year, and the form that records one with its
 * attendees (each is credited the session's hours).
 */
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { useOrgTree } from '../api/orgs.ts';
import type { Page, PersonListItem } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { showApiError } from '../components/forms.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { type SessionItem, sessionAudiences, trainingKinds } from './api.ts';
import { thisYear } from './year.ts';

type FormValues = {
  orgId: string;
  kind: string;
  audience: string;
  title: string;
  startsOn: Dayjs;
  endsOn?: Dayjs | null;
  hours: number;
  place?: string;
  attendees: string[];
};

function SessionDrawer({ open, onClose, defaultOrgId }: { open: boolean; onClose: () => void; defaultOrgId?: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { abilities } = useSession();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const orgId = Form.useWatch('orgId', form);
  const [saving, setSaving] = useState(false);
  const members = useQuery({
    queryKey: ['people', 'session-attendees', orgId],
    queryFn: () => api.get<Page<PersonListItem>>('/people', { orgId, pageSize: 500 }),
    enabled: Boolean(orgId) && open,
  });
  const submit = async (v: FormValues) => {
    setSaving(true);
    try {
      await api.post('/training/sessions', {
        orgId: v.orgId,
        kind: v.kind,
        audience: v.audience,
        title: v.title,
        startsOn: v.startsOn.format('YYYY-MM-DD'),
        endsOn: v.endsOn ? v.endsOn.format('YYYY-MM-DD') : undefined,
        hours: v.hours,
        place: v.place || null,
        attendees: v.attendees ?? [],
      });
      message.success(t('training.saved'));
      await queryClient.invalidateQueries({ queryKey: ['training'] });
      form.resetFields();
      onClose();
    } catch (e) {
      showApiError(e, message, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Drawer title={t('training.newSession')} open={open} onClose={onClose} size="large" destroyOnHidden>
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          orgId: defaultOrgId,
          kind: 'partySchool',
          audience: 'members',
          attendees: [],
          startsOn: dayjs(),
        }}
      >
        <Form.Item name="orgId" label={t('training.org')} rules={[{ required: true }]}>
          <OrgPicker aria-label={t('training.org')} withinRoots={abilities.writeRoots} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="kind" label={t('training.kind')} rules={[{ required: true }]}>
              <Select
                aria-label={t('training.kind')}
                options={trainingKinds.map((k) => ({ value: k, label: t.label('trainingKind', k) }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="audience" label={t('training.audience')} rules={[{ required: true }]}>
              <Select
                aria-label={t('training.audience')}
                options={sessionAudiences.map((k) => ({ value: k, label: t.label('trainingAudience', k) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label={t('training.title')} rules={[{ required: true }]}>
          <Input aria-label={t('training.title')} maxLength={200} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="startsOn" label={t('training.startsOn')} rules={[{ required: true }]}>
              <DatePicker aria-label={t('training.startsOn')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="endsOn" label={t('training.endsOn')}>
              <DatePicker aria-label={t('training.endsOn')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="hours" label={t('training.hours')} rules={[{ required: true }]}>
              <InputNumber aria-label={t('training.hours')} min={0.1} max={1000} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="place" label={t('training.place')}>
          <Input aria-label={t('training.place')} maxLength={200} />
        </Form.Item>
        <Form.Item name="attendees" label={t('training.attendees')}>
          <Checkbox.Group
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', gap: 4 }}
            options={(members.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('training.save')}
        </Button>
      </Form>
    </Drawer>
  );
}

export default function SessionsPage() {
  const { t } = useI18n();
  const { abilities } = useSession();
  const [params, setParams] = useSearchParams();
  const tree = useOrgTree();
  const orgId = params.get('orgId') ?? tree.data?.roots[0]?.id;
  const year = Number(params.get('year') ?? thisYear());
  const [open, setOpen] = useState(false);
  const sessions = useQuery({
    queryKey: ['training', 'sessions', { orgId, year }],
    queryFn: () => api.get<{ items: SessionItem[] }>('/training/sessions', { orgId, year }),
    enabled: Boolean(orgId),
    placeholderData: keepPreviousData,
  });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <Card
      title={t('training.sessionsTitle')}
      extra={
        abilities.writes && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('training.newSession')}
          </Button>
        )
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('training.org')}>
            <OrgPicker aria-label={t('training.org')} value={orgId} onChange={(v) => set('orgId', v)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label={t('training.year')}>
            <InputNumber
              aria-label={t('training.year')}
              value={year}
              min={2000}
              max={2100}
              onChange={(v) => v && set('year', String(v))}
            />
          </Form.Item>
        </Col>
      </Row>
      <QueryState query={sessions}>
        {() => (
          <Table<SessionItem>
            rowKey="id"
            size="small"
            dataSource={sessions.data?.items ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t('training.code'), dataIndex: 'code', key: 'code', width: 130 },
              { title: t('training.title'), dataIndex: 'title', key: 'title' },
              {
                title: t('training.kind'),
                dataIndex: 'kind',
                key: 'kind',
                render: (v: string) => t.label('trainingKind', v),
              },
              {
                title: t('training.audience'),
                dataIndex: 'audience',
                key: 'audience',
                render: (v: string) => t.label('trainingAudience', v),
              },
              { title: t('training.org'), dataIndex: 'orgName', key: 'orgName' },
              {
                title: t('training.dates'),
                key: 'dates',
                render: (_: unknown, s: SessionItem) =>
                  s.startsOn === s.endsOn ? s.startsOn : `${s.startsOn} ~ ${s.endsOn}`,
              },
              { title: t('training.hours'), dataIndex: 'hours', key: 'hours', align: 'right' },
              { title: t('training.attendeeCount'), dataIndex: 'attendeeCount', key: 'count', align: 'right' },
            ]}
          />
        )}
      </QueryState>
      <Typography.Text type="secondary" />
      <SessionDrawer open={open} onClose={() => setOpen(false)} defaultOrgId={orgId} />
    </Card>
  );
}
