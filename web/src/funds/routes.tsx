/** Routes of the funds pages (党建工作经费), inside the signed-in frame. */
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Route } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';

const FundsPage = lazy(() => import('./FundsPage.tsx'));

export function fundsRoutes(abilities: Abilities) {
  return [
    <Route
      key="funds"
      path="funds"
      element={
        abilities.browses ? (
          <Suspense
            fallback={
              <div style={{ padding: 48, textAlign: 'center' }}>
                <Spin />
              </div>
            }
          >
            <FundsPage />
          </Suspense>
        ) : (
          <NotFoundPage />
        )
      }
    />,
  ];
}
