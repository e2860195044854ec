/** Routes of the compliance pages (合规监测), inside the signed-in frame. */
import { Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { Route } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';

const DashboardPage = lazy(() => import('./DashboardPage.tsx'));
const FindingsPage = lazy(() => import('./FindingsPage.tsx'));
const FindingPage = lazy(() => import('./FindingPage.tsx'));
const ScorecardPage = lazy(() => import('./ScorecardPage.tsx'));
const StandardsPage = lazy(() => import('./StandardsPage.tsx'));
const OverviewPage = lazy(() => import('./OverviewPage.tsx'));

function Page({ allowed, children }: { allowed: boolean; children: ReactNode }) {
  if (!allowed) return <NotFoundPage />;
  return (
    <Suspense
      fallback={
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

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
        <Page allowed={browses}>
          <DashboardPage />
        </Page>
      }
    />,
    <Route
      key="compliance-findings"
      path="compliance/findings"
      element={
        <Page allowed={browses}>
          <FindingsPage />
        </Page>
      }
    />,
    // A finding about a member may be opened from their to-dos; the server decides who sees it.
    <Route
      key="compliance-finding"
      path="compliance/findings/:id"
      element={
        <Page allowed>
          <FindingPage />
        </Page>
      }
    />,
    <Route
      key="compliance-scorecard"
      path="compliance/scorecard"
      element={
        <Page allowed={browses}>
          <ScorecardPage />
        </Page>
      }
    />,
    <Route
      key="compliance-standards"
      path="compliance/standards"
      element={
        <Page allowed={browses}>
          <StandardsPage />
        </Page>
      }
    />,
    <Route
      key="compliance-overview"
      path="compliance/overview"
      element={
        <Page allowed={comparesUniversities(abilities)}>
          <OverviewPage />
        </Page>
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
