/** Routes of the funds pages (党建工作经费), inside the signed-in frame. */
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import { GuardedPage } from '../components/GuardedPage.tsx';

const FundsPage = lazy(() => import('./FundsPage.tsx'));

export function fundsRoutes(abilities: Abilities) {
  return [
    <Route
      key="funds"
      path="funds"
      element={
        <GuardedPage allowed={abilities.browses}>
          <FundsPage />
        </GuardedPage>
      }
    />,
  ];
}
