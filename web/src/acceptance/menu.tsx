/** The 达标验收 (acceptance) section of the menu: campaigns and the caller's to-do list. */
import { CheckSquareOutlined, FlagOutlined, InboxOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { Link } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import type { Translate } from '../i18n/index.tsx';

type MenuItem = Required<MenuProps>['items'][number];

/** Paths whose menu item stays selected on the pages below them (longest first). */
export const acceptancePaths = ['/acceptance/queue', '/acceptance'];

const item = (key: string, icon: React.ReactNode, label: string): MenuItem => ({
  key,
  icon,
  label: <Link to={key}>{label}</Link>,
});

/** The section as one menu item (none for accounts that do not browse the tree). */
export function acceptanceMenu(t: Translate, abilities: Abilities): MenuItem[] {
  if (!abilities.browses) return [];
  return [
    {
      key: 'acceptance',
      icon: <CheckSquareOutlined />,
      label: t('nav.acceptance'),
      children: [
        item('/acceptance', <FlagOutlined />, t('nav.acceptanceCampaigns')),
        ...(abilities.writes ? [item('/acceptance/queue', <InboxOutlined />, t('nav.acceptanceQueue'))] : []),
      ],
    },
  ];
}
