/**
 * 出勤: every expected attendee (and recorded guest) with their status. The secretary changes
 * statuses in place and saves only what changed; an absentee's make-up is recorded per row.
 */
import { UserAddOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import { showApiError } from '../../components/forms.ts';
import { useI18n } from '../../i18n/index.tsx';
import { todayInShanghai } from './hooks.ts';
import { AttendanceTag, optionsOf, percent } from './labels.tsx';
import { MemberPicker } from './MemberPicker.tsx';
import { type AttendanceStatus, type Attendee, attendanceStatuses, type MeetingDetail } from './types.ts';

type Row = Attendee & { guest: boolean };
type Draft = { status: AttendanceStatus | null; reason: string };

export function AttendancePanel({
  detail,
  canWrite,
  onChanged,
}: {
  detail: MeetingDetail;
  canWrite: boolean;
  onChanged: (d: MeetingDetail) => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const m = detail.meeting;
  const rows: Row[] = useMemo(
    () => [
      ...detail.expected.map((a) => ({ ...a, guest: false })),
      ...detail.guests.map((a) => ({ ...a, guest: true })),
    ],
    [detail],
  );
  const saved = useMemo(() => {
    const map = new Map<string, Draft>();
    for (const r of rows)
      map.set(r.personId, { status: r.attendance?.status ?? null, reason: r.attendance?.reason ?? '' });
    return map;
  }, [rows]);
  const [drafts, setDrafts] = useState<Map<string, Draft>>(saved);
  const [busy, setBusy] = useState(false);
  const [makeupOf, setMakeupOf] = useState<Row | null>(null);
  const [guest, setGuest] = useState<{ personId: string | null; status: AttendanceStatus }>({
    personId: null,
    status: 'present',
  });
  useEffect(() => setDrafts(saved), [saved]);

  const open = m.heldOn <= todayInShanghai();
  const editable = canWrite && open;
  const changed = rows.filter((r) => {
    const a = drafts.get(r.personId);
    const b = saved.get(r.personId);
    return a?.status && (a.status !== b?.status || (a.reason ?? '') !== (b?.reason ?? ''));
  });

  const setDraft = (personId: string, patch: Partial<Draft>) =>
    setDrafts((prev) => {
      const next = new Map(prev);
      next.set(personId, { ...(prev.get(personId) ?? { status: null, reason: '' }), ...patch });
      return next;
    });

  const save = async (
    entries: { personId: string; status: AttendanceStatus; reason?: string | null; guest?: boolean }[],
  ) => {
    setBusy(true);
    try {
      onChanged(await api.put<MeetingDetail>(`/meetings/${m.id}/attendance`, { entries }));
      message.success(t('att.saved'));
      return true;
    } catch (e) {
      showApiError(e, message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const saveChanged = () =>
    save(
      changed.map((r) => {
        const d = drafts.get(r.personId) as Draft;
        return {
          personId: r.personId,
          status: d.status as AttendanceStatus,
          reason: d.reason.trim() || null,
          ...(r.guest ? { guest: true } : {}),
        };
      }),
    );

  const markRestPresent = () =>
    setDrafts((prev) => {
      const next = new Map(prev);
      for (const r of rows) if (!next.get(r.personId)?.status) next.set(r.personId, { status: 'present', reason: '' });
      return next;
    });

  const columns: ColumnsType<Row> = [
    {
      title: t('makeups.person'),
      key: 'name',
      render: (_, r) => (
        <Space size={4} wrap>
          <span>{r.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.code}
          </Typography.Text>
          {r.leadingCadre && <Tag>{t('att.leadingCadre')}</Tag>}
          {r.guest && <Tag color="purple">{t('att.guests')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('meeting.status'),
      key: 'status',
      width: editable ? 300 : 110,
      render: (_, r) => {
        const d = drafts.get(r.personId);
        if (!editable) return <AttendanceTag t={t} status={r.attendance?.status} />;
        return (
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Radio.Group
              aria-label={`${r.name} ${t('meeting.status')}`}
              size="small"
              optionType="button"
              buttonStyle="solid"
              value={d?.status ?? null}
              onChange={(e) => setDraft(r.personId, { status: e.target.value })}
              options={optionsOf(t, 'attendance', attendanceStatuses)}
            />
            {(d?.status === 'leave' || d?.status === 'absent' || d?.reason) && (
              <Input
                size="small"
                aria-label={`${r.name} ${t('att.reason')}`}
                placeholder={d?.status === 'leave' ? t('att.reasonRequired') : t('att.reason')}
                status={d?.status === 'leave' && !d.reason.trim() ? 'warning' : undefined}
                value={d?.reason}
                maxLength={500}
                onChange={(e) => setDraft(r.personId, { reason: e.target.value })}
              />
            )}
          </Space>
        );
      },
    },
    {
      title: editable ? t('att.checkinColumn') : t('att.reason'),
      key: 'info',
      responsive: ['md'],
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          {!editable && r.attendance?.reason && <span>{r.attendance.reason}</span>}
          {r.attendance?.checkedInAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('att.checkedIn', { at: dayjs(r.attendance.checkedInAt).format('MM-DD HH:mm') })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('att.makeup'),
      key: 'makeup',
      width: 170,
      render: (_, r) => {
        const a = r.attendance;
        if (!a || (a.status !== 'absent' && a.status !== 'leave')) return null;
        if (a.makeupOn)
          return (
            <Typography.Text type="success" title={a.makeupContent ?? undefined}>
              {t('att.makeupDone', { on: a.makeupOn })}
            </Typography.Text>
          );
        return canWrite ? (
          <Button size="small" onClick={() => setMakeupOf(r)}>
            {t('att.makeupRecord')}
          </Button>
        ) : (
          <Tag color="orange">{t('att.makeupOpen')}</Tag>
        );
      },
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text data-testid="attendance-counts">
        {t('att.counts', { ...detail.counts, attendanceRate: '' })}
        {detail.counts.attendanceRate !== null &&
          ` · ${t('meeting.attendanceRate')} ${percent(detail.counts.attendanceRate)}`}
      </Typography.Text>
      {canWrite && !open && <Alert type="info" showIcon title={t('att.notYet')} />}
      {editable && (
        <Space wrap>
          <Button type="primary" disabled={!changed.length} loading={busy} onClick={saveChanged}>
            {t('att.save')}
            {changed.length ? ` (${changed.length})` : ''}
          </Button>
          <Button onClick={markRestPresent}>{t('att.allPresent')}</Button>
        </Space>
      )}
      <Table<Row>
        data-testid="attendance-table"
        rowKey="personId"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      {editable && (
        <Space wrap>
          <div style={{ width: 260 }}>
            <MemberPicker
              aria-label={t('att.guests')}
              placeholder={t('att.guests')}
              value={guest.personId}
              onChange={(v) => setGuest((g) => ({ ...g, personId: v }))}
            />
          </div>
          <Select
            aria-label={t('meeting.status')}
            value={guest.status}
            onChange={(v) => setGuest((g) => ({ ...g, status: v }))}
            options={optionsOf(t, 'attendance', ['present', 'late'])}
            style={{ width: 100 }}
          />
          <Button
            icon={<UserAddOutlined />}
            disabled={!guest.personId}
            loading={busy}
            onClick={async () => {
              if (!guest.personId) return;
              if (await save([{ personId: guest.personId, status: guest.status, guest: true }]))
                setGuest({ personId: null, status: 'present' });
            }}
          >
            {t('att.guests')}
          </Button>
        </Space>
      )}
      {makeupOf && (
        <MakeupModal
          meetingId={m.id}
          heldOn={m.heldOn}
          row={makeupOf}
          onClose={() => setMakeupOf(null)}
          onSaved={(d) => {
            setMakeupOf(null);
            onChanged(d);
          }}
        />
      )}
    </Space>
  );
}

type MakeupValues = { makeupOn: Dayjs; makeupContent: string };

export function MakeupModal({
  meetingId,
  heldOn,
  row,
  onClose,
  onSaved,
}: {
  meetingId: string;
  heldOn: string;
  row: { personId: string; name: string; attendance: { version: number } | null };
  onClose: () => void;
  onSaved: (d: MeetingDetail) => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<MakeupValues>();
  const [busy, setBusy] = useState(false);
  const today = todayInShanghai();
  const submit = async (v: MakeupValues) => {
    setBusy(true);
    try {
      const d = await api.post<MeetingDetail>(`/meetings/${meetingId}/attendance/${row.personId}/makeup`, {
        makeupOn: v.makeupOn.format('YYYY-MM-DD'),
        makeupContent: v.makeupContent,
        version: row.attendance?.version,
      });
      message.success(t('att.makeupSaved'));
      onSaved(d);
    } catch (e) {
      showApiError(e, message, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`${t('att.makeupRecord')} · ${row.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
    >
      <Form<MakeupValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ makeupOn: dayjs(today) }}
        disabled={busy}
      >
        <Form.Item label={t('att.makeupOn')} name="makeupOn" rules={[{ required: true }]}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.format('YYYY-MM-DD') < heldOn || d.format('YYYY-MM-DD') > today}
          />
        </Form.Item>
        <Form.Item label={t('att.makeupContent')} name="makeupContent" rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
