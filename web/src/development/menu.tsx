/** The 发展党员 section of the menu. */
import {
  AuditOutlined,
  BarChartOutlined,
  FundOutlined,
  ImportOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { Link } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import type { Translate } from '../i18n/index.tsx';

type MenuItem = Required<MenuProps>['items'][number];

/** Paths whose menu item stays selected on the pages below them (longest first). */
export const developmentPaths = [
  '/development/cases',
  '/development/queue',
  '/development/roster',
  '/development/import',
  '/development/plans',
  '/development/pool-analyses',
  '/development/contacts',
  '/development',
];

const item = (key: string, icon: React.ReactNode, label: string): MenuItem => ({
  key,
  icon,
  label: <Link to={key}>{label}</Link>,
});

/** The section as one menu entry (none for accounts that do not browse the tree). */
export function developmentMenu(t: Translate, abilities: Abilities): MenuItem[] {
  if (!abilities.browses) return [];
  const children: MenuItem[] = [
    item('/development', <FundOutlined />, t('nav.devPipeline')),
    item('/development/cases', <ProfileOutlined />, t('nav.devCases')),
  ];
  if (abilities.writes) children.push(item('/development/queue', <AuditOutlined />, t('nav.devQueue')));
  children.push(item('/development/roster', <SolutionOutlined />, t('nav.devRoster')));
  if (abilities.writes) children.push(item('/development/import', <ImportOutlined />, t('nav.devImport')));
  children.push(item('/development/plans', <ScheduleOutlined />, t('nav.devPlans')));
  children.push(item('/development/pool-analyses', <BarChartOutlined />, t('nav.devAnalyses')));
  children.push(item('/development/contacts', <TeamOutlined />, t('nav.devContacts')));
  return [{ key: 'development', icon: <UserAddOutlined />, label: t('nav.development'), children }];
}
