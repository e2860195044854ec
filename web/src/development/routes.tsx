/** Routes of the member-development pages (发展党员), inside the signed-in frame. */
import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import { GuardedPage } from '../components/GuardedPage.tsx';

const PipelinePage = lazy(() => import('./PipelinePage.tsx'));
const CaseListPage = lazy(() => import('./CaseListPage.tsx'));
const CasePage = lazy(() => import('./CasePage.tsx'));
const QueuePage = lazy(() => import('./QueuePage.tsx'));
const PlanPage = lazy(() => import('./PlanPage.tsx'));
const RosterPage = lazy(() => import('./RosterPage.tsx'));
const ActivistImportPage = lazy(() => import('./ActivistImportPage.tsx'));
const PoolAnalysesPage = lazy(() => import('./PoolAnalysesPage.tsx'));
const ContactsPage = lazy(() => import('./ContactsPage.tsx'));

const pages: { path: string; page: ReactNode; allowed: (a: Abilities) => boolean }[] = [
  { path: 'development', page: <PipelinePage />, allowed: (a) => a.browses },
  { path: 'development/cases', page: <CaseListPage />, allowed: (a) => a.browses },
  { path: 'development/cases/:id', page: <CasePage />, allowed: (a) => a.browses },
  { path: 'development/queue', page: <QueuePage />, allowed: (a) => a.writes },
  { path: 'development/plans', page: <PlanPage />, allowed: (a) => a.browses },
  { path: 'development/roster', page: <RosterPage />, allowed: (a) => a.browses },
  { path: 'development/import', page: <ActivistImportPage />, allowed: (a) => a.writes },
  { path: 'development/pool-analyses', page: <PoolAnalysesPage />, allowed: (a) => a.browses },
  { path: 'development/contacts', page: <ContactsPage />, allowed: (a) => a.browses },
];

export function developmentRoutes(abilities: Abilities) {
  return pages.map(({ path, page, allowed }) => (
    <Route key={path} path={path} element={<GuardedPage allowed={allowed(abilities)}>{page}</GuardedPage>} />
  ));
}
