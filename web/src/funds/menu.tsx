/** The funds item of the 党费经费 (dues and funds) section of the menu. */
import { WalletOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { Link } from 'react-router-dom';
import type { Abilities } from '../auth/session.tsx';
import type { Translate } from '../i18n/index.tsx';

type MenuItem = Required<MenuProps>['items'][number];

export const fundsPaths = ['/funds'];

export function fundsMenu(t: Translate, abilities: Abilities): MenuItem[] {
  if (!abilities.browses) return [];
  return [{ key: '/funds', icon: <WalletOutlined />, label: <Link to="/funds">{t('nav.funds')}</Link> }];
}
