/** The 创优争先 (excellence) section of the menu: model units, commendations, rules and carriers. */
import { ProfileOutlined, StarOutlined, TrophyOutlined, TrophyTwoTone } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { Link } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import type { Translate } from '../i18n/index.tsx';

type MenuItem = Required<MenuProps>['items'][number];

export const excellencePaths = ['/model-units', '/awards', '/practice-carriers'];

const item = (key: string, icon: React.ReactNode, label: string): MenuItem => ({
  key,
  icon,
  label: <Link to={key}>{label}</Link>,
});

/** The section as one menu item (none for accounts that do not browse the tree). */
export function excellenceMenu(t: Translate, abilities: Abilities): MenuItem[] {
  if (!abilities.browses) return [];
  return [
    {
      key: 'excellence',
      icon: <TrophyOutlined />,
      label: t('nav.excellence'),
      children: [
        item('/model-units', <StarOutlined />, t('nav.modelUnits')),
        item('/awards', <TrophyTwoTone />, t('nav.awards')),
        item('/practice-carriers', <ProfileOutlined />, t('nav.carriers')),
      ],
    },
  ];
}
