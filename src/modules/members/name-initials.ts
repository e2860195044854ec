import { pinyin } from 'pinyin-pro';

/**
 * The pinyin initials of a name, lower case (张伟 → zw, 单田芳 → stf): Chinese users search by
 * typing them. Surnames are read as surnames (单 is shàn there, not dān); Latin letters and digits
 * are kept, anything else is dropped.
 */
export function nameInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', surname: 'head', type: 'array' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
