/**
 * The phone pages' language (ballot, check-in, tour): zh-CN first, English on request. One key for all three, so a
 * phone that switched once keeps its choice on every page; remembered when the switch is tapped, not at the next
 * render, so a reload right after the tap keeps it.
 */
export type Lang = 'zh' | 'en';

const LANG_KEY = 'leitai.lang';

export function initialLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Private mode: the switch still works for this page.
  }
}

export const htmlLang = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en');
