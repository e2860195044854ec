/** The 整改整顿 (improvement) section of the menu: rectification list, surveys, reorganizations. */
import { AimOutlined, FileSearchOutlined, ToolOutlined, WarningOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { Link } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import type { Translate } from '../i18n/index.tsx';

type MenuItem = Required<MenuProps>['items'][number];

/** Paths whose menu item stays selected on the pages below them (longest first). */
export const improvementPaths = ['/rectifications', '/surveys', '/reorganizations'];

const item = (key: string, icon: React.ReactNode, label: string): MenuItem => ({
  key,
  icon,
  label: <Link to={key}>{label}</Link>,
});

/** The section as one menu item (none for accounts that do not browse the tree). */
export function improvementMenu(t: Translate, abilities: Abilities): MenuItem[] {
  if (!abilities.browses) return [];
  return [
    {
      key: 'improvement',
      icon: <ToolOutlined />,
      label: t('nav.improvement'),
      children: [
        item('/rectifications', <AimOutlined />, t('nav.rectifications')),
        item('/surveys', <FileSearchOutlined />, t('nav.surveys')),
        item('/reorganizations', <WarningOutlined />, t('nav.reorganizations')),
      ],
    },
  ];
}
