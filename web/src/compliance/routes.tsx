/** Routes of the compliance pages (合规监测), inside the signed-in frame. */
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import { GuardedPage } from '../components/GuardedPage.tsx';

const DashboardPage = lazy(() => import('./DashboardPage.tsx'));
const FindingsPage = lazy(() => import('./FindingsPage.tsx'));
const FindingPage = lazy(() => import('./FindingPage.tsx'));
const ScorecardPage = lazy(() => import('./ScorecardPage.tsx'));
const StandardsPage = lazy(() => import('./StandardsPage.tsx'));
const OverviewPage = lazy(() => import('./OverviewPage.tsx'));

/** Oversight viewers compare universities; a platform admin may too. */
export const comparesUniversities = (abilities: Abilities) =>
  abilities.roles.includes('oversightViewer') || abilities.roles.includes('platformAdmin');

export function complianceRoutes(abilities: Abilities) {
  const browses = abilities.browses;
  return [
    <Route
      key="compliance"
      path="compliance"
      element={
        <GuardedPage allowed={browses}>
          <DashboardPage />
        </GuardedPage>
      }
    />,
    <Route
      key="compliance-findings"
      path="compliance/findings"
      element={
        <GuardedPage allowed={browses}>
          <FindingsPage />
        </GuardedPage>
      }
    />,
    // A finding about a member may be opened from their to-dos; the server decides who sees it.
    <Route
      key="compliance-finding"
      path="compliance/findings/:id"
      element={
        <GuardedPage allowed>
          <FindingPage />
        </GuardedPage>
      }
    />,
    <Route
      key="compliance-scorecard"
      path="compliance/scorecard"
      element={
        <GuardedPage allowed={browses}>
          <ScorecardPage />
        </GuardedPage>
      }
    />,
    <Route
      key="compliance-standards"
      path="compliance/standards"
      element={
        <GuardedPage allowed={browses}>
          <StandardsPage />
        </GuardedPage>
      }
    />,
    <Route
      key="compliance-overview"
      path="compliance/overview"
      element={
        <GuardedPage allowed={comparesUniversities(abilities)}>
          <OverviewPage />
        </GuardedPage>
      }
    />,
  ];
}

/**
 * Where an oversight viewer starts: the universities compared. Anyone who also runs part of a
 * university starts where that role does.
 */
export function complianceHome(abilities: Abilities): string | null {
  return abilities.roles.includes('oversightViewer') && !abilities.writes ? '/compliance/overview' : null;
}
