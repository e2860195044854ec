import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import { GuardedPage } from '../components/GuardedPage.tsx';

const RatingsPage = lazy(() => import('./RatingsPage.tsx'));
const EvaluationPage = lazy(() => import('./EvaluationPage.tsx'));
const ReviewRoundsPage = lazy(() => import('./ReviewRoundsPage.tsx'));
const ReviewRoundPage = lazy(() => import('./ReviewRoundPage.tsx'));

const page = (allowed: boolean, element: ReactNode) => <GuardedPage allowed={allowed}>{element}</GuardedPage>;

export function ratingsRoutes(abilities: Abilities) {
  return [
    <Route key="ratings" path="ratings" element={page(abilities.browses, <RatingsPage />)} />,
    <Route key="ratings-org" path="ratings/orgs/:id" element={page(abilities.browses, <EvaluationPage />)} />,
    <Route key="ratings-reviews" path="ratings/reviews" element={page(abilities.browses, <ReviewRoundsPage />)} />,
    <Route key="ratings-round" path="ratings/reviews/:id" element={page(abilities.browses, <ReviewRoundPage />)} />,
  ];
}
