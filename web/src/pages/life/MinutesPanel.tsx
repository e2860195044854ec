/** 会议记录: the minutes' text; a writer edits it at any status (the API keeps it once recorded). */
import { App as AntApp, Button, Empty, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { showApiError } from '../../components/forms.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Meeting, MeetingDetail } from './types.ts';

export function MinutesPanel({
  meeting,
  canWrite,
  onChanged,
}: {
  meeting: Meeting;
  canWrite: boolean;
  onChanged: (d: MeetingDetail) => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [text, setText] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (text === null) return;
    setBusy(true);
    try {
      onChanged(
        await api.patch<MeetingDetail>(`/meetings/${meeting.id}`, {
          version: meeting.version,
          minutesText: text.trim() || null,
        }),
      );
      setText(null);
      message.success(t('common.saved'));
    } catch (e) {
      showApiError(e, message);
    } finally {
      setBusy(false);
    }
  };

  if (text !== null)
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input.TextArea
          aria-label={t('meeting.minutes')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 8, maxRows: 24 }}
          maxLength={50_000}
        />
        <Space>
          <Button type="primary" loading={busy} onClick={save}>
            {t('common.save')}
          </Button>
          <Button onClick={() => setText(null)}>{t('common.cancel')}</Button>
        </Space>
      </Space>
    );

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {meeting.minutesText ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="minutes-text">
          {meeting.minutesText}
        </Typography.Paragraph>
      ) : meeting.minutes ? (
        <Typography.Text type="secondary">{t('meeting.minutesImported')}</Typography.Text>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meeting.minutesNone')} />
      )}
      {canWrite && <Button onClick={() => setText(meeting.minutesText ?? '')}>{t('common.edit')}</Button>}
    </Space>
  );
}
