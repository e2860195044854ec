/** The 组织生活 section of the menu: only the pages that work, only for those who use them. */
import {
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  ImportOutlined,
  ScheduleOutlined,
  SmileOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { Link } from 'react-router-dom';
import type { Abilities } from '../../auth/session.tsx';
import type { Translate } from '../../i18n/index.tsx';
import { lifeFeatures } from './lifeFeatures.ts';

type MenuItem = Required<MenuProps>['items'][number];

/** Paths whose menu item stays selected on the pages below them (longest first). */
export const lifePaths = [
  '/meetings/makeups',
  '/meetings',
  '/meeting-import',
  '/ledger',
  '/life/counts',
  '/plans',
  '/reports',
  '/appraisals',
  '/me',
  '/workbench',
];

const item = (key: string, icon: React.ReactNode, label: string): MenuItem => ({
  key,
  icon,
  label: <Link to={key}>{label}</Link>,
});

/**
 * `top`: items of the first level (the workbench; a member's own page when they see nothing else);
 * `section`: the items under 组织生活.
 */
export function lifeMenu(t: Translate, abilities: Abilities, personId: string | null | undefined) {
  const top: MenuItem[] = [];
  const section: MenuItem[] = [];
  if (abilities.writes && lifeFeatures.todos) top.push(item('/workbench', <DashboardOutlined />, t('nav.workbench')));
  if (personId && lifeFeatures.myLife)
    (abilities.selfOnly ? top : section).push(item('/me', <SmileOutlined />, t('nav.myLife')));
  if (abilities.browses) {
    if (lifeFeatures.meetings) section.push(item('/meetings', <CalendarOutlined />, t('nav.meetings')));
    if (lifeFeatures.makeups) section.push(item('/meetings/makeups', <FileDoneOutlined />, t('nav.makeups')));
    if (lifeFeatures.plans) section.push(item('/plans', <ScheduleOutlined />, t('nav.plans')));
    if (lifeFeatures.reports) section.push(item('/reports', <FileTextOutlined />, t('nav.reports')));
    if (lifeFeatures.appraisals) section.push(item('/appraisals', <AuditOutlined />, t('nav.appraisals')));
    if (lifeFeatures.ledger) section.push(item('/ledger', <BookOutlined />, t('nav.ledger')));
    if (lifeFeatures.counts) section.push(item('/life/counts', <BarChartOutlined />, t('nav.counts')));
    if (lifeFeatures.meetingImport && abilities.writes)
      section.push(item('/meeting-import', <ImportOutlined />, t('nav.meetingImport')));
  }
  return { top, section };
}
