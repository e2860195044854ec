/** A lazily loaded page behind an ability check: not allowed reads as not found (no hint that it exists). */
import { Spin } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';

export function GuardedPage({ allowed, children }: { allowed: boolean; children: ReactNode }) {
  if (!allowed) return <NotFoundPage />;
  return (
    <Suspense
      fallback={
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}
