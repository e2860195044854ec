/**
 * The web app's language: a typed dictionary per locale, antd's and dayjs's locales switched
 * together. The account's preference decides it after sign-in; before that, the browser does.
 */
import 'dayjs/locale/zh-cn';
import enUSAntd from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { setRequestLocale } from '../api/client.ts';
import type { Locale } from '../api/types.ts';
import { enUS } from './en-US.ts';
import { type Dict, zhCN } from './zh-CN.ts';

export type TextKey = keyof Dict;
const dictionaries: Record<Locale, Dict> = { 'zh-CN': zhCN, 'en-US': enUS };
const STORAGE_KEY = 'zhibu.locale';

export type Translate = {
  (key: TextKey, vars?: Record<string, string | number>): string;
  /** A label for an enum value (`kind`, `university`) that falls back to the raw value. */
  label: (group: string, value: string | null | undefined) => string;
};

type I18n = { locale: Locale; setLocale: (l: Locale) => void; t: Translate; antdLocale: typeof zhCNAntd };

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (saved === 'zh-CN' || saved === 'en-US') return saved;
  return 'zh-CN';
}

function applyLocale(locale: Locale) {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  setRequestLocale(locale);
  document.documentElement.lang = locale;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = initialLocale();
    applyLocale(l);
    return l;
  });
  const setLocale = useCallback((l: Locale) => {
    applyLocale(l);
    localStorage.setItem(STORAGE_KEY, l);
    setLocaleState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = dictionaries[locale];
    const t = ((key: TextKey, vars?: Record<string, string | number>) => {
      let s = dict[key] ?? key;
      if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
      return s;
    }) as Translate;
    t.label = (group, value) => {
      if (value === null || value === undefined || value === '') return '—';
      const k = `${group}.${value}` as TextKey;
      return dict[k] ?? value;
    };
    return { locale, setLocale, t, antdLocale: locale === 'zh-CN' ? zhCNAntd : enUSAntd };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
