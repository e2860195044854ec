/** The 合规监测 section of the menu, for those who browse the tree. */
import { DashboardOutlined, ExperimentOutlined, FundOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { Link } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import type { Translate } from '../i18n/index.tsx';
import { comparesUniversities } from './routes.tsx';

type MenuItem = Required<MenuProps>['items'][number];

/** Paths whose menu item stays selected on the pages below them (longest first). */
export const compliancePaths = ['/compliance/findings', '/compliance/standards', '/compliance/overview', '/compliance'];

const item = (key: string, icon: React.ReactNode, label: string): MenuItem => ({
  key,
  icon,
  label: <Link to={key}>{label}</Link>,
});

export function complianceMenu(t: Translate, abilities: Abilities): MenuItem[] {
  if (!abilities.browses) return [];
  return [
    ...(comparesUniversities(abilities)
      ? [item('/compliance/overview', <FundOutlined />, t('nav.complianceOverview'))]
      : []),
    item('/compliance', <DashboardOutlined />, t('nav.complianceDashboard')),
    item('/compliance/findings', <UnorderedListOutlined />, t('nav.complianceFindings')),
    item('/compliance/standards', <ExperimentOutlined />, t('nav.complianceStandards')),
  ];
}
