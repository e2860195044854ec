/** The 组织生活 section of the menu: only the pages that work, only for those who use them. */
import {
  AuditOutlined,
  CalendarOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  ScheduleOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { Link } from 'react-router-dom';
import type { Abilities } from '../../auth/session.tsx';
import type { Translate } from '../../i18n/index.tsx';
import { lifeFeatures } from './lifeFeatures.ts';

type MenuItem = Required<MenuProps>['items'][number];

/** Paths whose menu item stays selected on the pages below them. */
export const lifePaths = [
  '/meetings/makeups',
  '/meetings',
  '/ledger',
  '/plans',
  '/reports',
  '/appraisals',
  '/me',
  '/workbench',
  '/meeting-import',
];

export function lifeMenu(t: Translate, abilities: Abilities): MenuItem[] {
  const items: MenuItem[] = [];
  const link = (key: string, icon: React.ReactNode, label: string) =>
    items.push({ key, icon, label: <Link to={key}>{label}</Link> });
  if (abilities.browses) {
    if (lifeFeatures.meetings) link('/meetings', <CalendarOutlined />, t('nav.meetings'));
    if (lifeFeatures.makeups) link('/meetings/makeups', <FileDoneOutlined />, t('nav.makeups'));
    if (lifeFeatures.plans) link('/plans', <ScheduleOutlined />, t('nav.plans'));
    if (lifeFeatures.reports) link('/reports', <FileTextOutlined />, t('nav.reports'));
    if (lifeFeatures.appraisals) link('/appraisals', <AuditOutlined />, t('nav.appraisals'));
    if (lifeFeatures.ledger) link('/ledger', <FileTextOutlined />, t('nav.ledger'));
  }
  return items;
}
