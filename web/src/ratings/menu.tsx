/** The 定级评议 section of the menu: ratings and secretaries' reviews. */
import { AuditOutlined, RiseOutlined, TrophyOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { Link } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import type { Translate } from '../i18n/index.tsx';

type MenuItem = Required<MenuProps>['items'][number];

/** Paths whose menu item stays selected on the pages below them (longest first). */
export const ratingsPaths = ['/ratings/reviews', '/ratings'];

export function ratingsMenu(t: Translate, abilities: Abilities): MenuItem[] {
  if (!abilities.browses) return [];
  return [
    {
      key: 'evaluation',
      icon: <TrophyOutlined />,
      label: t('nav.evaluation'),
      children: [
        { key: '/ratings', icon: <RiseOutlined />, label: <Link to="/ratings">{t('nav.ratings')}</Link> },
        {
          key: '/ratings/reviews',
          icon: <AuditOutlined />,
          label: <Link to="/ratings/reviews">{t('nav.secretaryReviews')}</Link>,
        },
      ],
    },
  ];
}
