/**
 * The signed-in frame: top bar (product, user, language, sign out), the menu of the pages this
 * account can use, and the org tree navigator for those who browse the tree.
 */
import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  ImportOutlined,
  LogoutOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Button, Grid, Layout, Menu, type MenuProps, Select } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { acceptanceMenu, acceptancePaths } from '../acceptance/menu.tsx';
import { api } from '../api/client.ts';
import type { Locale } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { complianceMenu, compliancePaths } from '../compliance/menu.tsx';
import { developmentMenu, developmentPaths } from '../development/menu.tsx';
import { duesMenu, duesPaths } from '../dues/menu.tsx';
import { excellenceMenu, excellencePaths } from '../excellence/menu.tsx';
import { features } from '../features.ts';
import { fundsMenu, fundsPaths } from '../funds/menu.tsx';
import { useI18n } from '../i18n/index.tsx';
import { lifeMenu, lifePaths } from '../pages/life/menu.tsx';
import { ratingsMenu, ratingsPaths } from '../ratings/menu.tsx';
import { improvementMenu, improvementPaths } from '../rectifications/menu.tsx';
import { trainingMenu, trainingPaths } from '../training/menu.tsx';
import { OrgNavigator } from './OrgNavigator.tsx';

type MenuItem = Required<MenuProps>['items'][number];

/** The submenu that holds a page (first match), by the paths each section keeps selected. */
const sections: [string, readonly string[]][] = [
  ['compliance', compliancePaths],
  ['duesFunds', [...duesPaths, ...fundsPaths]],
  ['training', trainingPaths],
  ['development', developmentPaths],
  ['improvement', improvementPaths],
  ['acceptance', acceptancePaths],
  ['evaluation', ratingsPaths],
  ['excellence', excellencePaths],
  ['life', lifePaths],
];
const sectionOf = (path: string) =>
  sections.find(([, paths]) => paths.some((p) => path === p || path.startsWith(`${p}/`)))?.[0];

export function AppLayout() {
  const { t, locale, setLocale } = useI18n();
  const { account, abilities, signOut } = useSession();
  const { message } = App.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  const siderCollapsed = collapsed ?? narrow;

  const changeLocale = async (next: Locale) => {
    setLocale(next);
    try {
      await api.patch('/auth/preferences', { locale: next });
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const items: MenuItem[] = [];
  const life = lifeMenu(t, abilities, account?.personId);
  items.push(...life.top);
  if (abilities.selfOnly && account?.personId) {
    items.push({
      key: `/members/${account.personId}`,
      icon: <UserOutlined />,
      label: <Link to={`/members/${account.personId}`}>{t('nav.myRecord')}</Link>,
    });
  }
  if (abilities.browses) {
    if (features.orgs)
      items.push({ key: '/orgs', icon: <ApartmentOutlined />, label: <Link to="/orgs">{t('nav.orgs')}</Link> });
    if (features.members)
      items.push({ key: '/members', icon: <TeamOutlined />, label: <Link to="/members">{t('nav.members')}</Link> });
  }
  if (life.section.length)
    items.push({ key: 'life', icon: <CalendarOutlined />, label: t('nav.life'), children: life.section });
  const training = trainingMenu(t, abilities, account?.personId);
  items.push(...training.top);
  if (training.section.length)
    items.push({ key: 'training', icon: <ReadOutlined />, label: t('nav.training'), children: training.section });
  items.push(...developmentMenu(t, abilities));
  items.push(...improvementMenu(t, abilities));
  items.push(...acceptanceMenu(t, abilities));
  items.push(...ratingsMenu(t, abilities));
  items.push(...excellenceMenu(t, abilities));
  const compliance = complianceMenu(t, abilities);
  if (compliance.length)
    items.push({
      key: 'compliance',
      icon: <SafetyCertificateOutlined />,
      label: t('nav.compliance'),
      children: compliance,
    });
  const duesFunds: MenuItem[] = [...duesMenu(t, abilities, account?.personId), ...fundsMenu(t, abilities)];
  if (duesFunds.length)
    items.push({
      key: 'duesFunds',
      icon: <AccountBookOutlined />,
      label: t('nav.duesFunds'),
      children: duesFunds,
    });
  const system: MenuItem[] = [];
  if (features.accounts && abilities.managesAccounts)
    system.push({
      key: '/accounts',
      icon: <UsergroupAddOutlined />,
      label: <Link to="/accounts">{t('nav.accounts')}</Link>,
    });
  if (features.audit && abilities.readsAudit)
    system.push({ key: '/audit', icon: <AuditOutlined />, label: <Link to="/audit">{t('nav.audit')}</Link> });
  if (features.rosterImport && abilities.writes)
    system.push({ key: '/import', icon: <ImportOutlined />, label: <Link to="/import">{t('nav.import')}</Link> });
  if (features.account)
    system.push({ key: '/account', icon: <UserOutlined />, label: <Link to="/account">{t('nav.account')}</Link> });
  if (abilities.selfOnly) items.push(...system);
  else items.push({ key: 'system', icon: <SettingOutlined />, label: t('nav.system'), children: system });

  const path = location.pathname;
  const selected =
    path.startsWith('/members/') && abilities.selfOnly
      ? path
      : ([
          ...lifePaths,
          ...compliancePaths,
          ...trainingPaths,
          ...fundsPaths,
          ...duesPaths,
          ...excellencePaths,
          ...developmentPaths,
          ...improvementPaths,
          ...acceptancePaths,
          ...ratingsPaths,
          '/orgs',
          '/members',
          '/accounts',
          '/audit',
          '/import',
          '/account',
        ].find((p) => path === p || path.startsWith(`${p}/`)) ?? path);

  // The submenu of the page shown starts open (remounting the menu when the page moves to another section).
  const openSection = sectionOf(path) ?? 'life';

  const menu = (mode: 'inline' | 'horizontal') => (
    <Menu
      key={mode === 'inline' && siderCollapsed ? 'collapsed' : `open-${openSection}`}
      mode={mode}
      items={items}
      selectedKeys={[selected]}
      defaultOpenKeys={mode === 'inline' && siderCollapsed ? [] : [openSection, 'system']}
      style={mode === 'inline' ? { borderInlineEnd: 0 } : { flex: 1, minWidth: 0 }}
      onClick={() => narrow && setCollapsed(true)}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="app-shell">
      <Layout.Header className="zb-header">
        <Link to="/" className="zb-brand">
          {t('app.name')}
        </Link>
        <div className="zb-header-right">
          <span className="zb-header-user" title={account?.username}>
            <UserOutlined /> {account?.displayName}
            <span className="zb-hide-mobile" style={{ opacity: 0.8 }}>
              {' '}
              ({account?.username})
            </span>
          </span>
          <Select<Locale>
            aria-label={t('nav.language')}
            size="small"
            value={locale}
            onChange={changeLocale}
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en-US', label: 'English' },
            ]}
            style={{ width: 92 }}
          />
          <Button
            size="small"
            icon={<LogoutOutlined />}
            onClick={async () => {
              await signOut();
              navigate('/login');
            }}
          >
            <span className={narrow ? 'zb-hide-mobile' : undefined}>{t('nav.signOut')}</span>
            {narrow && <span className="sr-only">{t('nav.signOut')}</span>}
          </Button>
        </div>
      </Layout.Header>
      {abilities.selfOnly ? (
        <Layout>
          <div style={{ background: '#fff', display: 'flex' }}>{menu('horizontal')}</div>
          <Layout.Content className="zb-content">
            <Outlet />
          </Layout.Content>
        </Layout>
      ) : (
        <Layout>
          <Layout.Sider
            width={300}
            className="zb-sider"
            theme="light"
            breakpoint="lg"
            collapsible
            collapsed={siderCollapsed}
            onCollapse={(c) => setCollapsed(c)}
            collapsedWidth={narrow ? 0 : 64}
            style={narrow && !siderCollapsed ? { position: 'fixed', zIndex: 20, left: 0 } : undefined}
          >
            {!(narrow && siderCollapsed) && menu('inline')}
            {!siderCollapsed && abilities.browses && features.orgs && (
              <OrgNavigator onPicked={() => narrow && setCollapsed(true)} />
            )}
          </Layout.Sider>
          <Layout.Content className="zb-content">
            <Outlet />
          </Layout.Content>
        </Layout>
      )}
    </Layout>
  );
}
