/** The 教育培训 section of the menu; a member's own hours sit at the top for members. */
import { BarChartOutlined, ImportOutlined, ReadOutlined, TrophyOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { Link } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import type { Translate } from '../i18n/index.tsx';

type MenuItem = Required<MenuProps>['items'][number];

/** Paths whose menu item stays selected on the pages below them (longest first). */
export const trainingPaths = ['/training/hours', '/training/sessions', '/training/import', '/training/me'];

const item = (key: string, icon: React.ReactNode, label: string): MenuItem => ({
  key,
  icon,
  label: <Link to={key}>{label}</Link>,
});

export function trainingMenu(t: Translate, abilities: Abilities, personId: string | null | undefined) {
  const top: MenuItem[] = [];
  const section: MenuItem[] = [];
  if (abilities.browses) {
    section.push(item('/training/hours', <BarChartOutlined />, t('nav.trainingHours')));
    section.push(item('/training/sessions', <ReadOutlined />, t('nav.trainingSessions')));
    if (abilities.writes) section.push(item('/training/import', <ImportOutlined />, t('nav.trainingImport')));
  }
  if (personId) (abilities.selfOnly ? top : section).push(item('/training/me', <TrophyOutlined />, t('nav.myHours')));
  return { top, section };
}
