/**
 * 扫码签到 on a phone: the QR code opens /checkin?t=<token>. A member who is not signed in goes to
 * the login page and comes back here; then the check-in is sent once and the answer is shown big.
 * The API makes a repeat idempotent, so a reload shows the same result again.
 */
import { CheckCircleFilled, ClockCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Button, Card, Result, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { lifeFeatures } from './lifeFeatures.ts';
import type { CheckinResult } from './types.ts';
import './life.css';

type State =
  | { kind: 'working' }
  | { kind: 'done'; result: CheckinResult }
  | { kind: 'refused'; code: string; message: string; status: number };

/** Refusals the member cannot fix by trying again (a new scan is needed); the rest get a retry. */
const final = new Set(['TOKEN_FORGED', 'TOKEN_EXPIRED', 'WRONG_MEETING', 'NOT_MEETING_DAY', 'NOT_ATTENDEE']);

export default function CheckinPage() {
  const { t } = useI18n();
  const { status, account } = useSession();
  const location = useLocation();
  const [params] = useSearchParams();
  const token = params.get('t') ?? '';
  const [state, setState] = useState<State>({ kind: 'working' });
  const sent = useRef(false);

  const send = useCallback(async () => {
    setState({ kind: 'working' });
    try {
      const result = await api.post<CheckinResult>('/checkin', { token });
      setState({ kind: 'done', result });
    } catch (e) {
      const err = e instanceof ApiError ? e : null;
      setState({
        kind: 'refused',
        code: err?.code ?? 'NETWORK',
        message: err?.message ?? String((e as Error)?.message ?? e),
        status: err?.status ?? 0,
      });
    }
  }, [token]);

  useEffect(() => {
    if (status !== 'signedIn' || !token || sent.current) return;
    sent.current = true;
    send();
  }, [status, token, send]);

  if (status === 'loading')
    return (
      <main className="zb-checkin">
        <Spin size="large" />
      </main>
    );
  if (status === 'signedOut')
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;

  const home = lifeFeatures.myLife ? '/me' : '/';
  let body: React.ReactNode;
  if (!token) {
    body = (
      <Result
        icon={<CloseCircleFilled style={{ color: '#cf1322' }} />}
        title={t('checkin.failed')}
        subTitle={t('checkin.noToken')}
      />
    );
  } else if (state.kind === 'working') {
    body = <Result icon={<Spin size="large" />} title={t('checkin.working')} />;
  } else if (state.kind === 'done') {
    const r = state.result;
    const late = r.status === 'late';
    body = (
      <Result
        data-testid="checkin-result"
        icon={
          late ? <ClockCircleFilled style={{ color: '#d48806' }} /> : <CheckCircleFilled style={{ color: '#389e0d' }} />
        }
        title={
          <span data-testid="checkin-title" style={{ fontSize: 28, fontWeight: 600 }}>
            {late ? t('checkin.late') : t('checkin.ok')}
          </span>
        }
        subTitle={
          <div style={{ fontSize: 16 }}>
            <Typography.Paragraph strong style={{ fontSize: 18, marginBottom: 4 }}>
              {r.title}
            </Typography.Paragraph>
            <div>{r.heldOn}</div>
            <div>{t('checkin.at', { at: dayjs(r.checkedInAt).format('HH:mm') })}</div>
            {r.alreadyCheckedIn && (
              <Typography.Text type="secondary" data-testid="checkin-already">
                {t('checkin.already')}
              </Typography.Text>
            )}
          </div>
        }
        extra={
          <Link to={home}>
            <Button type="primary" size="large" block>
              {lifeFeatures.myLife ? t('checkin.toMyLife') : t('common.backHome')}
            </Button>
          </Link>
        }
      />
    );
  } else {
    const expired = state.code === 'TOKEN_EXPIRED' || state.code === 'NOT_MEETING_DAY';
    body = (
      <Result
        data-testid="checkin-result"
        icon={
          expired ? (
            <ExclamationCircleFilled style={{ color: '#d48806' }} />
          ) : (
            <CloseCircleFilled style={{ color: '#cf1322' }} />
          )
        }
        title={
          <span data-testid="checkin-title" style={{ fontSize: 26, fontWeight: 600 }}>
            {t('checkin.failed')}
          </span>
        }
        subTitle={
          <span data-testid="checkin-message" style={{ fontSize: 16 }}>
            {state.message}
          </span>
        }
        extra={
          final.has(state.code) ? (
            <Link to={home}>
              <Button size="large">{t('common.backHome')}</Button>
            </Link>
          ) : (
            <Button size="large" type="primary" onClick={send}>
              {t('checkin.retry')}
            </Button>
          )
        }
      />
    );
  }

  return (
    <main className="zb-checkin">
      <Card className="zb-checkin-card" title={t('checkin.title')} extra={account?.displayName}>
        {body}
      </Card>
    </main>
  );
}
