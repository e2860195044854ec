import { lazy } from 'react';
import { Route } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import { GuardedPage } from '../components/GuardedPage.tsx';

const ModelUnitsPage = lazy(() => import('./ModelUnitsPage.tsx'));
const AwardsPage = lazy(() => import('./AwardsPage.tsx'));
const CarriersPage = lazy(() => import('./CarriersPage.tsx'));

const page = (abilities: Abilities, element: React.ReactNode) => (
  <GuardedPage allowed={abilities.browses}>{element}</GuardedPage>
);

export function excellenceRoutes(abilities: Abilities) {
  return [
    <Route key="model-units" path="model-units" element={page(abilities, <ModelUnitsPage />)} />,
    <Route key="awards" path="awards" element={page(abilities, <AwardsPage />)} />,
    <Route key="practice-carriers" path="practice-carriers" element={page(abilities, <CarriersPage />)} />,
  ];
}
