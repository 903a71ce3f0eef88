import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { messages, type Lang, type MessageTable } from './messages.js';

const LANG_KEY = 'leitai.console.lang';

/**
 * One object for the whole life of the page (a new one per render would make antd recompute its design tokens).
 * zeroRuntime: antd's component styles come from its prebuilt stylesheet (imported in boot.tsx) instead of being
 * generated in the browser — that generation was over half of a first render (~0.5 s on the ranking board).
 * The tokens below still apply: antd writes them as CSS variables, which the stylesheet reads.
 */
const THEME = {
  zeroRuntime: true,
  token: {
    colorPrimary: '#a61d24',
    borderRadius: 4,
    fontFamily: '-apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif',
  },
};

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
}

const I18nContext = createContext<I18n>({ lang: 'zh', setLang: () => {} });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh'));
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(LANG_KEY, next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    setLangState(next);
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider
        locale={lang === 'zh' ? zhCN : enUS}
        theme={THEME}
      >
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useLang(): I18n {
  return useContext(I18nContext);
}

/** `t('key')` from the shared table, or from a feature's own table when given. */
export function useT<T extends MessageTable = typeof messages>(table?: T): (key: keyof T & string, params?: Record<string, string | number>) => string {
  const { lang } = useLang();
  const source = (table ?? messages) as MessageTable;
  return useCallback(
    (key, params) => {
      const entry = source[key];
      let text = entry ? entry[lang] : key;
      if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
      return text;
    },
    [lang, source],
  );
}

/** Pick the right side of a server message {zh, en}. */
export function useBilingual(): (m: { zh: string; en: string } | null | undefined) => string {
  const { lang } = useLang();
  return useCallback((m) => (m ? m[lang] : ''), [lang]);
}

/** Punctuation around labels: full-width in Chinese (「等次：」「汇报评（25%）」), ASCII with a space in English. */
export function usePunctuation(): { colon: string; paren(text: string | number): string } {
  const { lang } = useLang();
  return useMemo(
    () => (lang === 'zh' ? { colon: '：', paren: (text) => `（${text}）` } : { colon: ': ', paren: (text) => ` (${text})` }),
    [lang],
  );
}
