/**
 * 扫码签到: a signed, expiring token as a QR code for the members in the room, with the link and a
 * countdown. When it runs out a new one is one click away.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Image, Input, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { CheckinToken, Meeting } from './types.ts';

function useNow(intervalMs: number) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

const mmss = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
};

export function QrPanel({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const now = useNow(1000);
  const token = useQuery({
    queryKey: ['meetings', 'checkin-token', meeting.id],
    queryFn: () => api.get<CheckinToken>(`/meetings/${meeting.id}/checkin-token`),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  });

  if (token.isLoading) return <Spin />;
  if (token.isError)
    return (
      <Alert
        type="warning"
        showIcon
        title={(token.error as Error).message}
        action={<Button onClick={() => token.refetch()}>{t('common.retry')}</Button>}
      />
    );
  const data = token.data as CheckinToken;
  const left = new Date(data.expiresAt).getTime() - now;
  const expired = left <= 0;
  return (
    <Space orientation="vertical" align="center" style={{ width: '100%' }} data-testid="qr-panel">
      <Typography.Text type="secondary">{t('qr.hint')}</Typography.Text>
      <div style={{ position: 'relative', opacity: expired ? 0.2 : 1 }}>
        <Image src={data.qrDataUrl} alt={t('qr.title')} width={280} height={280} preview={false} />
      </div>
      {expired ? (
        <Typography.Text type="danger" strong>
          {t('qr.expired')}
        </Typography.Text>
      ) : (
        <Typography.Text strong data-testid="qr-countdown">
          {t('qr.expiresIn', { time: mmss(left) })}
        </Typography.Text>
      )}
      <Button icon={<ReloadOutlined />} onClick={() => token.refetch()} loading={token.isFetching}>
        {t('qr.refresh')}
      </Button>
      <Space.Compact style={{ width: 'min(560px, 90vw)' }}>
        <Input aria-label={t('qr.link')} value={data.url} readOnly data-testid="qr-link" />
        <Button
          onClick={async () => {
            await navigator.clipboard?.writeText(data.url).catch(() => {});
            message.success(t('qr.copied'));
          }}
        >
          {t('qr.copy')}
        </Button>
      </Space.Compact>
    </Space>
  );
}
