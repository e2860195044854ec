import type { Translate } from '../../i18n/index.tsx';

export const genders = ['male', 'female'] as const;
export const personCategories = ['staff', 'student', 'retired'] as const;
export const statuses = ['full', 'probationary'] as const;
export const standings = ['normal', 'suspended', 'lapsed', 'expelled', 'deceased'] as const;

export const optionsOf = (t: Translate, group: string, values: readonly string[]) =>
  values.map((v) => ({ value: v, label: t.label(group, v) }));
