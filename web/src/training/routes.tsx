/** Routes of the training pages (教育培训), inside the signed-in frame. */
import { Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { Route } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';

const HoursPage = lazy(() => import('./HoursPage.tsx'));
const SessionsPage = lazy(() => import('./SessionsPage.tsx'));
const StudyImportPage = lazy(() => import('./StudyImportPage.tsx'));
const MyHoursPage = lazy(() => import('./MyHoursPage.tsx'));

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

export function trainingRoutes(abilities: Abilities) {
  return [
    <Route
      key="training-hours"
      path="training/hours"
      element={
        <Page allowed={abilities.browses}>
          <HoursPage />
        </Page>
      }
    />,
    <Route
      key="training-sessions"
      path="training/sessions"
      element={
        <Page allowed={abilities.browses}>
          <SessionsPage />
        </Page>
      }
    />,
    <Route
      key="training-import"
      path="training/import"
      element={
        <Page allowed={abilities.writes}>
          <StudyImportPage />
        </Page>
      }
    />,
    // Anyone signed in may look; the server answers only for an account linked to a member.
    <Route
      key="training-me"
      path="training/me"
      element={
        <Page allowed>
          <MyHoursPage />
        </Page>
      }
    />,
  ];
}
