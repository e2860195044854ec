/** Routes of the dues pages (党费), inside the signed-in frame. */
import { Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { Route } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';

const DuesSheetPage = lazy(() => import('./DuesSheetPage.tsx'));
const DuesStatsPage = lazy(() => import('./DuesStatsPage.tsx'));
const DuesImportPage = lazy(() => import('./DuesImportPage.tsx'));
const MyDuesPage = lazy(() => import('./MyDuesPage.tsx'));

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

export function duesRoutes(abilities: Abilities) {
  return [
    <Route
      key="dues"
      path="dues"
      element={
        <Page allowed={abilities.browses}>
          <DuesSheetPage />
        </Page>
      }
    />,
    <Route
      key="dues-stats"
      path="dues/stats"
      element={
        <Page allowed={abilities.browses}>
          <DuesStatsPage />
        </Page>
      }
    />,
    // Anyone linked to a member reads their own dues; the server keeps it to them.
    <Route
      key="dues-me"
      path="dues/me"
      element={
        <Page allowed>
          <MyDuesPage />
        </Page>
      }
    />,
    <Route
      key="dues-import"
      path="dues/import"
      element={
        <Page allowed={abilities.writes}>
          <DuesImportPage />
        </Page>
      }
    />,
  ];
}
