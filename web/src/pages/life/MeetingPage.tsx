/**
 * 会议: details, the status steps (通知 → 已召开 → 已记录), expected attendees with the attendance
 * editor and make-ups, the minutes, attachments and the QR check-in panel. Every write answers
 * with the whole meeting again, which replaces the cached one.
 */
import {
  ArrowLeftOutlined,
  CheckOutlined,
  DeleteOutlined,
  EditOutlined,
  NotificationOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Input,
  Modal,
  Popconfirm,
  Space,
  Tabs,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { showApiError } from '../../components/forms.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { AttachmentsPanel } from './AttachmentsPanel.tsx';
import { AttendancePanel } from './AttendancePanel.tsx';
import { todayInShanghai, useCanWrite } from './hooks.ts';
import { LifeMeetingPanel } from './LifeMeetingPanel.tsx';
import { MeetingStatusTag, MeetingTypeTag, timeRange } from './labels.tsx';
import { lifeFeatures } from './lifeFeatures.ts';
import { MeetingFormDrawer } from './MeetingFormDrawer.tsx';
import { MinutesPanel } from './MinutesPanel.tsx';
import { QrPanel } from './QrPanel.tsx';
import type { MeetingDetail } from './types.ts';
import './life.css';

export const meetingKey = (id: string) => ['meetings', 'detail', id];

export default function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState(false);
  const [minutes, setMinutes] = useState('');
  const [busy, setBusy] = useState<string | null>(null);

  const detail = useQuery({
    queryKey: meetingKey(id),
    queryFn: () => api.get<MeetingDetail>(`/meetings/${id}`),
  });
  const canWrite = useCanWrite(detail.data?.meeting.orgId);

  const accept = (d: MeetingDetail) => {
    queryClient.setQueryData(meetingKey(id), d);
    queryClient.invalidateQueries({ queryKey: ['meetings'], exact: false, refetchType: 'none' });
  };

  const step = async (transition: 'notify' | 'held' | 'record', body: Record<string, unknown> = {}) => {
    const m = detail.data?.meeting;
    if (!m) return;
    setBusy(transition);
    try {
      accept(await api.post<MeetingDetail>(`/meetings/${id}/${transition}`, { version: m.version, ...body }));
      message.success(t('common.saved'));
      setRecording(false);
    } catch (e) {
      showApiError(e, message);
      detail.refetch();
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    const m = detail.data?.meeting;
    if (!m) return;
    try {
      await api.del(`/meetings/${id}?version=${m.version}`);
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
      navigate(`/meetings?orgId=${m.orgId}&month=${m.heldOn.slice(0, 7)}`);
    } catch (e) {
      showApiError(e, message);
    }
  };

  return (
    <QueryState query={detail}>
      {() => {
        const d = detail.data as MeetingDetail;
        const m = d.meeting;
        const today = todayInShanghai();
        const future = m.heldOn > today;
        const actions = canWrite && (
          <Space wrap>
            {m.status === 'planned' && (
              <Button icon={<NotificationOutlined />} loading={busy === 'notify'} onClick={() => step('notify')}>
                {t('meeting.notify')}
              </Button>
            )}
            {(m.status === 'planned' || m.status === 'notified') && (
              <Tooltip title={future ? t('meeting.futureCannotHold') : undefined}>
                <Button
                  icon={<CheckOutlined />}
                  disabled={future}
                  loading={busy === 'held'}
                  onClick={() => step('held')}
                >
                  {t('meeting.markHeld')}
                </Button>
              </Tooltip>
            )}
            {m.status === 'held' && (
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={busy === 'record'}
                onClick={() => {
                  setMinutes(m.minutesText ?? '');
                  setRecording(true);
                }}
              >
                {t('meeting.markRecorded')}
              </Button>
            )}
            {m.status !== 'recorded' && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            )}
            {m.status === 'planned' && (
              <Popconfirm title={t('meeting.deleteConfirm')} onConfirm={remove}>
                <Button danger icon={<DeleteOutlined />}>
                  {t('meeting.delete')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
        const tabs = [
          {
            key: 'attendance',
            label: `${t('att.title')} ${d.counts.present + d.counts.late}/${d.counts.expected}`,
            children: <AttendancePanel detail={d} canWrite={canWrite} onChanged={accept} />,
          },
          {
            key: 'minutes',
            label: t('meeting.minutes'),
            children: <MinutesPanel meeting={m} canWrite={canWrite} onChanged={accept} />,
          },
          ...(lifeFeatures.attachments
            ? [
                {
                  key: 'files',
                  label: `${t('files.title')} ${d.attachments.length || ''}`,
                  children: <AttachmentsPanel detail={d} canWrite={canWrite} onChanged={() => detail.refetch()} />,
                },
              ]
            : []),
          ...(lifeFeatures.lifeMeetings && m.type === 'lifeMeeting'
            ? [{ key: 'prep', label: t('lm.tab'), children: <LifeMeetingPanel meeting={m} canWrite={canWrite} /> }]
            : []),
          ...(lifeFeatures.checkin && canWrite
            ? [{ key: 'qr', label: t('qr.title'), children: <QrPanel meeting={m} /> }]
            : []),
        ];
        return (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card
              title={
                <Space wrap size={4}>
                  <Link to={`/meetings?orgId=${m.orgId}&month=${m.heldOn.slice(0, 7)}`} aria-label={t('meeting.back')}>
                    <ArrowLeftOutlined />
                  </Link>
                  <Typography.Text strong style={{ whiteSpace: 'normal' }} data-testid="meeting-title">
                    {m.title}
                  </Typography.Text>
                  <MeetingTypeTag t={t} type={m.type} />
                  <span data-testid="meeting-status">
                    <MeetingStatusTag t={t} status={m.status} />
                  </span>
                </Space>
              }
              extra={<span className="zb-hide-mobile">{actions}</span>}
            >
              <div className="zb-show-mobile" style={{ marginBottom: 12 }}>
                {actions}
              </div>
              <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
                <Descriptions.Item label={t('meeting.org')}>{m.orgName}</Descriptions.Item>
                <Descriptions.Item label={t('meeting.heldOn')}>
                  {m.heldOn} {timeRange(m.startTime, m.endTime)}
                </Descriptions.Item>
                <Descriptions.Item label={t('meeting.place')}>
                  {[m.venueName, m.place].filter(Boolean).join(' · ') || '—'}
                </Descriptions.Item>
                <Descriptions.Item
                  label={m.type === 'partyLecture' ? t('meeting.lecturerOfLecture') : t('meeting.host')}
                >
                  {m.lecturerName ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('meeting.audience')}>{t.label('audience', m.audience)}</Descriptions.Item>
                <Descriptions.Item label={t('meeting.code')}>
                  {m.code}
                  {m.notifiedAt && (
                    <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                      {t('meeting.notifiedAt', { at: dayjs(m.notifiedAt).format('YYYY-MM-DD HH:mm') })}
                    </Typography.Text>
                  )}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card size="small">
              <Tabs items={tabs} />
            </Card>
            {editing && (
              <MeetingFormDrawer
                open
                meeting={m}
                onClose={() => setEditing(false)}
                onSaved={() => {
                  setEditing(false);
                  detail.refetch();
                }}
              />
            )}
            <Modal
              open={recording}
              title={t('meeting.recordMinutes')}
              onCancel={() => setRecording(false)}
              onOk={() => step('record', { minutesText: minutes.trim() || undefined })}
              okButtonProps={{ disabled: !minutes.trim(), loading: busy === 'record' }}
              destroyOnHidden
            >
              <Input.TextArea
                aria-label={t('meeting.minutes')}
                value={minutes}
                onChange={(e) => setMinutes(e.target.value)}
                autoSize={{ minRows: 8, maxRows: 20 }}
                maxLength={50_000}
              />
            </Modal>
          </Space>
        );
      }}
    </QueryState>
  );
}
