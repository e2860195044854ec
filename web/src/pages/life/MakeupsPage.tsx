/** 补课登记: absentees of an org subtree and their make-ups, open ones first; each recorded in place. */
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Space, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { OrgPicker } from '../../components/OrgPicker.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { MakeupModal } from './AttendancePanel.tsx';
import { AttendanceTag, MeetingTypeTag } from './labels.tsx';
import type { Makeup } from './types.ts';

export default function MakeupsPage() {
  const { t } = useI18n();
  const { abilities } = useSession();
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId') ?? undefined;
  const open = params.get('open') !== '0';
  const [recording, setRecording] = useState<Makeup | null>(null);

  const list = useQuery({
    queryKey: ['meetings', 'makeups', orgId, open],
    queryFn: () => api.get<{ items: Makeup[] }>('/makeups', { orgId, open: open ? 1 : 0 }),
  });

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  const columns: ColumnsType<Makeup> = [
    {
      title: t('makeups.person'),
      key: 'person',
      render: (_, r) => (
        <span>
          {r.personName}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.personCode}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('makeups.meeting'),
      key: 'meeting',
      render: (_, r) => (
        <Space orientation="vertical" size={2}>
          <Link to={`/meetings/${r.meetingId}`}>{r.meetingTitle}</Link>
          <span>
            <MeetingTypeTag t={t} type={r.meetingType} />
            <Typography.Text type="secondary">
              {r.heldOn} · {r.orgName}
            </Typography.Text>
          </span>
        </Space>
      ),
    },
    {
      title: t('meeting.status'),
      key: 'status',
      width: 160,
      render: (_, r) => (
        <span>
          <AttendanceTag t={t} status={r.status} />
          {r.reason && <Typography.Text type="secondary">{r.reason}</Typography.Text>}
        </span>
      ),
    },
    {
      title: t('att.makeup'),
      key: 'makeup',
      width: 220,
      render: (_, r) =>
        r.makeupOn ? (
          <Space orientation="vertical" size={0}>
            <Typography.Text type="success">{t('att.makeupDone', { on: r.makeupOn })}</Typography.Text>
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 200 }}>
              {r.makeupContent}
            </Typography.Text>
          </Space>
        ) : abilities.writes ? (
          <Button size="small" onClick={() => setRecording(r)}>
            {t('att.makeupRecord')}
          </Button>
        ) : (
          <Typography.Text type="warning">{t('att.makeupOpen')}</Typography.Text>
        ),
    },
  ];

  return (
    <Card title={t('makeups.title')}>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} align="middle">
        <Col xs={24} md={12} xl={8}>
          <OrgPicker
            aria-label={t('meeting.filterOrg')}
            placeholder={t('meeting.filterOrg')}
            value={orgId}
            onChange={(v) => set('orgId', v)}
            allowClear
          />
        </Col>
        <Col>
          <Space>
            <Switch
              checked={open}
              onChange={(v) => set('open', v ? undefined : '0')}
              aria-label={t('makeups.openOnly')}
            />
            {t('makeups.openOnly')}
          </Space>
        </Col>
      </Row>
      <QueryState query={list}>
        {() => (
          <Table<Makeup>
            data-testid="makeup-table"
            rowKey={(r) => `${r.meetingId}/${r.personId}`}
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
          />
        )}
      </QueryState>
      {recording && (
        <MakeupModal
          meetingId={recording.meetingId}
          heldOn={recording.heldOn}
          row={{ personId: recording.personId, name: recording.personName, attendance: { version: recording.version } }}
          onClose={() => setRecording(null)}
          onSaved={() => {
            setRecording(null);
            list.refetch();
          }}
        />
      )}
    </Card>
  );
}
