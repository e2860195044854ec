/** Routes of the improvement pages (整改, 摸底排查, 整顿), inside the signed-in frame. */
import { Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { Route } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';

const RectificationsPage = lazy(() => import('./RectificationsPage.tsx'));
const RectificationPage = lazy(() => import('./RectificationPage.tsx'));
const SurveysPage = lazy(() => import('./SurveysPage.tsx'));
const ReorganizationsPage = lazy(() => import('./ReorganizationsPage.tsx'));

function Page({ allowed, children }: { allowed: boolean; children: ReactNode }) {
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

export function improvementRoutes(abilities: Abilities) {
  const pages: [string, ReactNode][] = [
    ['rectifications', <RectificationsPage key="list" />],
    ['rectifications/:id', <RectificationPage key="item" />],
    ['surveys', <SurveysPage key="surveys" />],
    ['reorganizations', <ReorganizationsPage key="reorganizations" />],
  ];
  return pages.map(([path, page]) => (
    <Route key={path} path={path} element={<Page allowed={abilities.browses}>{page}</Page>} />
  ));
}
