/** Tags and option lists shared by the organizational-life pages. */
import { Tag } from 'antd';
import type { Translate } from '../../i18n/index.tsx';

export const statusColor: Record<string, string> = {
  planned: 'default',
  notified: 'blue',
  held: 'orange',
  recorded: 'green',
};

export const attendanceColor: Record<string, string> = {
  present: 'green',
  late: 'gold',
  leave: 'blue',
  absent: 'red',
};

/** One colour per meeting type so the month grid can be read at a glance. */
export const typeColor: Record<string, string> = {
  generalAssembly: 'red',
  committeeMeeting: 'volcano',
  groupMeeting: 'orange',
  partyLecture: 'magenta',
  themeDay: 'purple',
  lifeMeeting: 'geekblue',
  leadershipLifeMeeting: 'blue',
  studyGroupSession: 'cyan',
  partyAffairsMeeting: 'lime',
  conversation: 'green',
};

export function MeetingStatusTag({ t, status }: { t: Translate; status: string }) {
  return <Tag color={statusColor[status] ?? 'default'}>{t.label('meetingStatus', status)}</Tag>;
}

export function MeetingTypeTag({ t, type }: { t: Translate; type: string }) {
  return <Tag color={typeColor[type] ?? 'default'}>{t.label('meetingType', type)}</Tag>;
}

export function AttendanceTag({ t, status }: { t: Translate; status: string | null | undefined }) {
  if (!status) return <Tag>{t('attendance.unrecorded')}</Tag>;
  return <Tag color={attendanceColor[status] ?? 'default'}>{t.label('attendance', status)}</Tag>;
}

export const optionsOf = (t: Translate, group: string, values: readonly string[]) =>
  values.map((v) => ({ value: v, label: t.label(group, v) }));

/** 14:00–15:30, or only the start, or nothing. */
export const timeRange = (start: string | null, end: string | null) => (start ? (end ? `${start}–${end}` : start) : '');

export const percent = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`;

export const formatBytes = (n: number) =>
  n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
