/** Routes of the dues pages (党费), inside the signed-in frame. */
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import { GuardedPage } from '../components/GuardedPage.tsx';

const DuesSheetPage = lazy(() => import('./DuesSheetPage.tsx'));
const DuesStatsPage = lazy(() => import('./DuesStatsPage.tsx'));
const DuesImportPage = lazy(() => import('./DuesImportPage.tsx'));
const MyDuesPage = lazy(() => import('./MyDuesPage.tsx'));

export function duesRoutes(abilities: Abilities) {
  return [
    <Route
      key="dues"
      path="dues"
      element={
        <GuardedPage allowed={abilities.browses}>
          <DuesSheetPage />
        </GuardedPage>
      }
    />,
    <Route
      key="dues-stats"
      path="dues/stats"
      element={
        <GuardedPage allowed={abilities.browses}>
          <DuesStatsPage />
        </GuardedPage>
      }
    />,
    // Anyone linked to a member reads their own dues; the server keeps it to them.
    <Route
      key="dues-me"
      path="dues/me"
      element={
        <GuardedPage allowed>
          <MyDuesPage />
        </GuardedPage>
      }
    />,
    <Route
      key="dues-import"
      path="dues/import"
      element={
        <GuardedPage allowed={abilities.writes}>
          <DuesImportPage />
        </GuardedPage>
      }
    />,
  ];
}
