/**
 * Routes of the organizational-life pages, inside the signed-in frame. Each is offered only when
 * its API is served (lifeFeatures) and the account has a use for it.
 */
import { Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { Route } from 'react-router-dom';
import type { Abilities } from '../../auth/session.tsx';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { lifeFeatures } from './lifeFeatures.ts';

const MeetingsPage = lazy(() => import('./MeetingsPage.tsx'));
const MeetingPage = lazy(() => import('./MeetingPage.tsx'));
const MakeupsPage = lazy(() => import('./MakeupsPage.tsx'));
const CheckinPage = lazy(() => import('./CheckinPage.tsx'));
const WorkbenchPage = lazy(() => import('./WorkbenchPage.tsx'));
const MyLifePage = lazy(() => import('./MyLifePage.tsx'));
const LedgerPage = lazy(() => import('./LedgerPage.tsx'));
const CountsPage = lazy(() => import('./CountsPage.tsx'));
const ReportsPage = lazy(() => import('./ReportsPage.tsx'));
const MeetingImportPage = lazy(() => import('./MeetingImportPage.tsx'));
const AppraisalsListPage = lazy(() => import('./AppraisalsPage.tsx').then((m) => ({ default: m.AppraisalsListPage })));
const AppraisalPage = lazy(() => import('./AppraisalsPage.tsx').then((m) => ({ default: m.AppraisalPage })));
const PlansListPage = lazy(() => import('./PlansPage.tsx').then((m) => ({ default: m.PlansListPage })));
const PlanPage = lazy(() => import('./PlansPage.tsx').then((m) => ({ default: m.PlanPage })));

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

export function lifeRoutes(abilities: Abilities) {
  const browses = abilities.browses;
  return [
    <Route
      key="workbench"
      path="workbench"
      element={
        <Page allowed={abilities.writes && lifeFeatures.todos}>
          <WorkbenchPage />
        </Page>
      }
    />,
    <Route
      key="me"
      path="me"
      element={
        <Page allowed={lifeFeatures.myLife}>
          <MyLifePage />
        </Page>
      }
    />,
    <Route
      key="plans"
      path="plans"
      element={
        <Page allowed={browses && lifeFeatures.plans}>
          <PlansListPage />
        </Page>
      }
    />,
    <Route
      key="plan"
      path="plans/:id"
      element={
        <Page allowed={browses && lifeFeatures.plans}>
          <PlanPage />
        </Page>
      }
    />,
    <Route
      key="meeting-import"
      path="meeting-import"
      element={
        <Page allowed={abilities.writes && lifeFeatures.meetingImport}>
          <MeetingImportPage />
        </Page>
      }
    />,
    <Route
      key="appraisals"
      path="appraisals"
      element={
        <Page allowed={browses && lifeFeatures.appraisals}>
          <AppraisalsListPage />
        </Page>
      }
    />,
    <Route
      key="appraisal"
      path="appraisals/:id"
      element={
        <Page allowed={browses && lifeFeatures.appraisals}>
          <AppraisalPage />
        </Page>
      }
    />,
    <Route
      key="reports"
      path="reports"
      element={
        <Page allowed={browses && lifeFeatures.reports}>
          <ReportsPage />
        </Page>
      }
    />,
    <Route
      key="ledger"
      path="ledger"
      element={
        <Page allowed={browses && lifeFeatures.ledger}>
          <LedgerPage />
        </Page>
      }
    />,
    <Route
      key="counts"
      path="life/counts"
      element={
        <Page allowed={browses && lifeFeatures.counts}>
          <CountsPage />
        </Page>
      }
    />,
    <Route
      key="meetings"
      path="meetings"
      element={
        <Page allowed={browses && lifeFeatures.meetings}>
          <MeetingsPage />
        </Page>
      }
    />,
    <Route
      key="makeups"
      path="meetings/makeups"
      element={
        <Page allowed={browses && lifeFeatures.makeups}>
          <MakeupsPage />
        </Page>
      }
    />,
    <Route
      key="meeting"
      path="meetings/:id"
      element={
        <Page allowed={lifeFeatures.meetings}>
          <MeetingPage />
        </Page>
      }
    />,
  ];
}

/** The phone's check-in page: outside the frame (no menu), it signs in by itself when needed. */
export function checkinRoute() {
  return (
    <Route
      path="/checkin"
      element={
        <Page allowed={lifeFeatures.checkin}>
          <CheckinPage />
        </Page>
      }
    />
  );
}

/** Where a signed-in account starts when organizational life has a page for it. */
export function lifeHome(abilities: Abilities, personId: string | null | undefined): string | null {
  if (abilities.selfOnly) return personId && lifeFeatures.myLife ? '/me' : null;
  if (abilities.writes && lifeFeatures.todos) return '/workbench';
  return null;
}
