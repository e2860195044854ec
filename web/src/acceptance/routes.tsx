/** Routes of the acceptance pages (达标验收), inside the signed-in frame. */
import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import { GuardedPage } from '../components/GuardedPage.tsx';

const CampaignsPage = lazy(() => import('./CampaignsPage.tsx'));
const CampaignPage = lazy(() => import('./CampaignPage.tsx'));
const ReviewPage = lazy(() => import('./ReviewPage.tsx'));
const QueuePage = lazy(() => import('./QueuePage.tsx'));

export function acceptanceRoutes(abilities: Abilities) {
  const pages: [string, ReactNode][] = [
    ['acceptance', <CampaignsPage key="list" />],
    ['acceptance/queue', <QueuePage key="queue" />],
    ['acceptance/campaigns/:id', <CampaignPage key="campaign" />],
    ['acceptance/reviews/:id', <ReviewPage key="review" />],
  ];
  return pages.map(([path, page]) => (
    <Route key={path} path={path} element={<GuardedPage allowed={abilities.browses}>{page}</GuardedPage>} />
  ));
}
