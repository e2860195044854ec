/** Routes of the training pages (教育培训), inside the signed-in frame. */
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import { GuardedPage } from '../components/GuardedPage.tsx';

const HoursPage = lazy(() => import('./HoursPage.tsx'));
const SessionsPage = lazy(() => import('./SessionsPage.tsx'));
const StudyImportPage = lazy(() => import('./StudyImportPage.tsx'));
const MyHoursPage = lazy(() => import('./MyHoursPage.tsx'));

export function trainingRoutes(abilities: Abilities) {
  return [
    <Route
      key="training-hours"
      path="training/hours"
      element={
        <GuardedPage allowed={abilities.browses}>
          <HoursPage />
        </GuardedPage>
      }
    />,
    <Route
      key="training-sessions"
      path="training/sessions"
      element={
        <GuardedPage allowed={abilities.browses}>
          <SessionsPage />
        </GuardedPage>
      }
    />,
    <Route
      key="training-import"
      path="training/import"
      element={
        <GuardedPage allowed={abilities.writes}>
          <StudyImportPage />
        </GuardedPage>
      }
    />,
    // Anyone signed in may look; the server answers only for an account linked to a member.
    <Route
      key="training-me"
      path="training/me"
      element={
        <GuardedPage allowed>
          <MyHoursPage />
        </GuardedPage>
      }
    />,
  ];
}
