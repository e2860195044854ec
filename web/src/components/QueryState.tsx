/** Loading and error states of one query, so every page shows the API's message the same way. */
import { Alert, Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/index.tsx';

type Q = { isLoading: boolean; isError: boolean; error: unknown; refetch: () => unknown };

export function QueryState({ query, children }: { query: Q; children: () => ReactNode }) {
  const { t } = useI18n();
  if (query.isLoading)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  if (query.isError) {
    const e = query.error;
    if (e instanceof ApiError && e.status === 404) return <Result status="404" title="404" subTitle={e.message} />;
    return (
      <Alert
        type="error"
        showIcon
        title={t('common.loadFailed')}
        description={(e as Error)?.message}
        action={<Button onClick={() => query.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  return <>{children()}</>;
}
