/** Routes of the improvement pages (整改, 摸底排查, 整顿), inside the signed-in frame. */
import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import { GuardedPage } from '../components/GuardedPage.tsx';

const RectificationsPage = lazy(() => import('./RectificationsPage.tsx'));
const RectificationPage = lazy(() => import('./RectificationPage.tsx'));
const SurveysPage = lazy(() => import('./SurveysPage.tsx'));
const ReorganizationsPage = lazy(() => import('./ReorganizationsPage.tsx'));

export function improvementRoutes(abilities: Abilities) {
  const pages: [string, ReactNode][] = [
    ['rectifications', <RectificationsPage key="list" />],
    ['rectifications/:id', <RectificationPage key="item" />],
    ['surveys', <SurveysPage key="surveys" />],
    ['reorganizations', <ReorganizationsPage key="reorganizations" />],
  ];
  return pages.map(([path, page]) => (
    <Route key={path} path={path} element={<GuardedPage allowed={abilities.browses}>{page}</GuardedPage>} />
  ));
}
