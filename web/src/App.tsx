/** Routes of the web app. Pages are lazy chunks so the login screen loads fast. */
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { acceptanceRoutes } from './acceptance/routes.tsx';
import { useSession } from './auth/session.tsx';
import { complianceHome, complianceRoutes } from './compliance/routes.tsx';
import { developmentRoutes } from './development/routes.tsx';
import { duesRoutes } from './dues/routes.tsx';
import { excellenceRoutes } from './excellence/routes.tsx';
import { features } from './features.ts';
import { fundsRoutes } from './funds/routes.tsx';
import { useI18n } from './i18n/index.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { checkinRoute, lifeHome, lifeRoutes } from './pages/life/routes.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ratingsRoutes } from './ratings/routes.tsx';
import { improvementRoutes } from './rectifications/routes.tsx';
import { trainingRoutes } from './training/routes.tsx';

const OrgPage = lazy(() => import('./pages/org/OrgPage.tsx'));
const MemberListPage = lazy(() => import('./pages/members/MemberListPage.tsx'));
const MemberDetailPage = lazy(() => import('./pages/members/MemberDetailPage.tsx'));
const RosterImportPage = lazy(() => import('./pages/RosterImportPage.tsx'));
const AuditPage = lazy(() => import('./pages/AuditPage.tsx'));
const AccountPage = lazy(() => import('./pages/AccountPage.tsx'));
const AccountsPage = lazy(() => import('./pages/AccountsPage.tsx'));

// antd fills in `${label}` itself; these are its templates, not JavaScript ones.
const validateMessages = {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: antd message template
  'zh-CN': { required: '请填写${label}', types: { email: '${label}格式不正确' } },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: antd message template
  'en-US': { required: '${label} is required', types: { email: '${label} is not a valid email' } },
};

const theme = { token: { colorPrimary: '#c62828', borderRadius: 4 } };

function Loading() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
    </div>
  );
}

function RequireSignIn({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading') return <Loading />;
  if (status === 'signedOut')
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** Where a signed-in account starts: a member on their own record, everyone else on the tree. */
function Home() {
  const { account, abilities } = useSession();
  const life = lifeHome(abilities, account?.personId);
  if (life) return <Navigate to={life} replace />;
  const compliance = complianceHome(abilities);
  if (compliance) return <Navigate to={compliance} replace />;
  if (abilities.selfOnly) {
    return <Navigate to={account?.personId ? `/members/${account.personId}` : '/account'} replace />;
  }
  if (abilities.browses) return <Navigate to={features.orgs ? '/orgs' : '/members'} replace />;
  return <Navigate to="/account" replace />;
}

function Guard({ allowed, children }: { allowed: boolean; children: ReactNode }) {
  return allowed ? children : <NotFoundPage />;
}

export function App() {
  const { antdLocale, locale } = useI18n();
  const { abilities } = useSession();
  return (
    <ConfigProvider locale={antdLocale} theme={theme} form={{ validateMessages: validateMessages[locale] }}>
      <AntApp>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          {checkinRoute()}
          <Route
            element={
              <RequireSignIn>
                <AppLayout />
              </RequireSignIn>
            }
          >
            <Route index element={<Home />} />
            <Route
              path="orgs/:id?"
              element={
                <Guard allowed={abilities.browses && features.orgs}>
                  <Suspense fallback={<Loading />}>
                    <OrgPage />
                  </Suspense>
                </Guard>
              }
            />
            <Route
              path="members"
              element={
                <Guard allowed={abilities.browses}>
                  <Suspense fallback={<Loading />}>
                    <MemberListPage />
                  </Suspense>
                </Guard>
              }
            />
            <Route
              path="members/:id"
              element={
                <Suspense fallback={<Loading />}>
                  <MemberDetailPage />
                </Suspense>
              }
            />
            <Route
              path="import"
              element={
                <Guard allowed={abilities.writes}>
                  <Suspense fallback={<Loading />}>
                    <RosterImportPage />
                  </Suspense>
                </Guard>
              }
            />
            <Route
              path="audit"
              element={
                <Guard allowed={abilities.readsAudit}>
                  <Suspense fallback={<Loading />}>
                    <AuditPage />
                  </Suspense>
                </Guard>
              }
            />
            <Route
              path="accounts"
              element={
                <Guard allowed={abilities.managesAccounts}>
                  <Suspense fallback={<Loading />}>
                    <AccountsPage />
                  </Suspense>
                </Guard>
              }
            />
            <Route
              path="account"
              element={
                <Suspense fallback={<Loading />}>
                  <AccountPage />
                </Suspense>
              }
            />
            {lifeRoutes(abilities)}
            {complianceRoutes(abilities)}
            {duesRoutes(abilities)}
            {trainingRoutes(abilities)}
            {fundsRoutes(abilities)}
            {excellenceRoutes(abilities)}
            {developmentRoutes(abilities)}
            {improvementRoutes(abilities)}
            {acceptanceRoutes(abilities)}
            {ratingsRoutes(abilities)}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </AntApp>
    </ConfigProvider>
  );
}
