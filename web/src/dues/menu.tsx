/** The dues items of the 党费经费 (dues and funds) section of the menu. */
import { AccountBookOutlined, BarChartOutlined, ImportOutlined, WalletOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { Link } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import type { Translate } from '../i18n/index.tsx';

type MenuItem = Required<MenuProps>['items'][number];

/** Paths whose menu item stays selected on the pages below them (longest first). */
export const duesPaths = ['/dues/stats', '/dues/import', '/dues/me', '/dues'];

const item = (key: string, icon: React.ReactNode, label: string): MenuItem => ({
  key,
  icon,
  label: <Link to={key}>{label}</Link>,
});

/** `personId`: the account's own member record, whose dues it may always read. */
export function duesMenu(t: Translate, abilities: Abilities, personId?: string | null): MenuItem[] {
  const own = personId ? [item('/dues/me', <WalletOutlined />, t('nav.myDues'))] : [];
  if (!abilities.browses) return own;
  return [
    ...own,
    item('/dues', <AccountBookOutlined />, t('nav.duesSheet')),
    item('/dues/stats', <BarChartOutlined />, t('nav.duesStats')),
    ...(abilities.writes ? [item('/dues/import', <ImportOutlined />, t('nav.duesImport'))] : []),
  ];
}
