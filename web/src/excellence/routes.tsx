/** Routes of the excellence pages, inside the signed-in frame. */
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Route } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';

const ModelUnitsPage = lazy(() => import('./ModelUnitsPage.tsx'));
const AwardsPage = lazy(() => import('./AwardsPage.tsx'));
const CarriersPage = lazy(() => import('./CarriersPage.tsx'));

const page = (abilities: Abilities, element: React.ReactNode) =>
  abilities.browses ? (
    <Suspense
      fallback={
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin />
        </div>
      }
    >
      {element}
    </Suspense>
  ) : (
    <NotFoundPage />
  );

export function excellenceRoutes(abilities: Abilities) {
  return [
    <Route key="model-units" path="model-units" element={page(abilities, <ModelUnitsPage />)} />,
    <Route key="awards" path="awards" element={page(abilities, <AwardsPage />)} />,
    <Route key="practice-carriers" path="practice-carriers" element={page(abilities, <CarriersPage />)} />,
  ];
}
