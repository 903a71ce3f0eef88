/**
 * 回执名单, the public page a rater opens from their phone's receipt: the session's receipts once it has closed, a
 * search box for one's own, and the session's verdict; before it closes, when the list will appear. Plain HTML
 * readable at 360 px, no script, zh-CN first with an English switch (?lang=en).
 */
import { createHash } from 'node:crypto';
import type { ReceiptList } from '../../contracts/receipts.js';
import type { Message } from '../../domain/results.js';
import { CJK_FONTS, esc } from './html.js';

export type PageLang = 'zh' | 'en';

export const pageLang = (lang: unknown): PageLang => (lang === 'en' ? 'en' : 'zh');

const TEXTS = {
  zh: {
    htmlLang: 'zh-CN',
    other: 'English',
    app: '擂台 · 回执名单',
    title: '回执名单',
    intro: (n: number) => `本场测评会共收回 ${n} 份选票（手机提交与纸质录入），每份一个回执码，按字母顺序排列。名单只有回执码：没有评分、提交时间和测评组。`,
    none: '本场测评会没有收回选票。',
    counts: { valid: '本场测评会有效，这些选票计入结果。', 'no-quorum': '本场测评会未达到法定人数，这些选票不计入结果。', void: '本场测评会无效，须重新组织，这些选票不计入结果。' },
    search: '查找回执码',
    searchHint: '8 位字母或数字，不区分大小写',
    go: '查找',
    found: (r: string) => `找到回执码 ${r}：您的选票在本场测评会收回的选票中。`,
    seeIt: '在名单中查看',
    missing: (r: string) => `名单中没有回执码 ${r}。请核对回执码；如确认已提交选票，请联系本场测评会的计票员或专项行动办公室。`,
    badCode: '回执码是 8 位字母或数字，请核对后重新输入。',
    listLabel: '回执码',
    notYet: { draft: '测评会尚未开始。', open: '测评会正在进行。' },
    later: '测评会结束后，回执名单将在本页公布，届时可凭回执码查到您的选票。本页每分钟自动刷新。',
    unknownTitle: '没有这个测评会',
    unknownBody: '请核对链接：回执名单的链接在手机选票的回执页上，也可向测评会的计票员索取。',
    errorTitle: '暂时无法显示回执名单',
  },
  en: {
    htmlLang: 'en',
    other: '中文',
    app: 'Leitai · Receipt list',
    title: 'Receipt list',
    intro: (n: number) => `${n} sheet${n === 1 ? ' was' : 's were'} returned in this session (on phones and on paper), each with one receipt, listed in alphabetical order. The list holds receipts only: no ratings, no times, no rater groups.`,
    none: 'No sheet was returned in this session.',
    counts: { valid: 'The session is valid: these sheets count toward the results.', 'no-quorum': 'The session had no quorum: these sheets do not count toward the results.', void: 'The session is void and must be rerun: these sheets do not count toward the results.' },
    search: 'Find a receipt',
    searchHint: '8 letters or digits; case does not matter',
    go: 'Find',
    found: (r: string) => `Receipt ${r} is on the list: your sheet is among those returned in this session.`,
    seeIt: 'See it in the list',
    missing: (r: string) => `Receipt ${r} is not on the list. Check the receipt; if you are sure you submitted, contact the session's clerk or the campaign office.`,
    badCode: 'A receipt has 8 letters or digits; check it and try again.',
    listLabel: 'Receipts',
    notYet: { draft: 'The session has not started.', open: 'The session is under way.' },
    later: 'When it closes, its receipt list appears on this page and you can look up your receipt. This page refreshes every minute.',
    unknownTitle: 'No such session',
    unknownBody: 'Check the link: it is on the receipt page of the phone ballot, or ask the session’s clerk for it.',
    errorTitle: 'The receipt list cannot be shown just now',
  },
} as const;

/** The one stylesheet of these pages; the Content-Security-Policy allows exactly it, by hash, and no script. */
const STYLE = `
  * { box-sizing: border-box; }
  html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
  body { margin: 0; background: #f4f1ec; color: #1f2328; font: 16px/1.55 ${CJK_FONTS}; overflow-wrap: anywhere; }
  .page { max-width: 640px; min-height: 100vh; margin: 0 auto; background: #fff; }
  .top { display: flex; align-items: center; gap: 8px; padding: 8px 12px 8px 16px; background: #9f1d1d; color: #fff; }
  .brand { flex: 1; min-width: 0; display: flex; flex-direction: column; line-height: 1.3; }
  .brand span { font-size: 13px; opacity: 0.9; }
  .lang { display: inline-flex; align-items: center; justify-content: center; min-width: 64px; min-height: 44px; padding: 0 8px; border: 1px solid rgba(255, 255, 255, 0.7); border-radius: 8px; color: #fff; text-decoration: none; }
  main { padding: 20px 16px 32px; }
  h1 { margin: 0 0 12px; font-size: 21px; line-height: 1.3; }
  p { margin: 0 0 12px; }
  .muted { color: #5b5f66; font-size: 14px; }
  .box { padding: 10px 12px; border-radius: 8px; }
  .ok { background: #e8f5ec; color: #135c2c; }
  .warn { background: #fff6e0; color: #6b4200; }
  .bad { background: #fde8e8; color: #a61b1b; }
  form { margin: 16px 0; }
  label span { display: block; font-size: 14px; color: #4b4f56; margin-bottom: 4px; }
  .row { display: flex; gap: 8px; }
  input { flex: 1; min-width: 0; min-height: 48px; padding: 8px 12px; border: 1.5px solid #c9ccd1; border-radius: 10px; font: 600 18px/1.2 ui-monospace, "DejaVu Sans Mono", monospace; letter-spacing: 0.08em; text-transform: uppercase; }
  button { flex: none; min-width: 80px; min-height: 48px; border: 0; border-radius: 10px; background: #9f1d1d; color: #fff; font: inherit; font-weight: 600; }
  .result a { display: inline-flex; align-items: center; min-height: 44px; color: inherit; font-weight: 600; }
  h2 { margin: 20px 0 8px; font-size: 17px; }
  .codes { display: grid; grid-template-columns: repeat(auto-fill, minmax(7.5em, 1fr)); gap: 4px 8px; margin: 0; padding: 0; list-style: none; font: 16px/2 ui-monospace, "DejaVu Sans Mono", monospace; letter-spacing: 0.06em; }
  .codes li { padding: 0 6px; border-radius: 6px; }
  .codes .hit { background: #135c2c; color: #fff; font-weight: 700; }
`;

export const RECEIPT_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `?lang=…&q=…` for the links of the page: only what was asked, in a fixed order. */
function query(lang: PageLang, q: string | null): string {
  const params = new URLSearchParams();
  if (lang === 'en') params.set('lang', 'en');
  if (q) params.set('q', q);
  const s = params.toString();
  return s ? `?${s}` : '?';
}

function shell(lang: PageLang, head: { campaign: string | null; session: string | null; q: string | null; refresh?: boolean }, body: string): string {
  const t = TEXTS[lang];
  const brand = head.campaign ? `<strong>${esc(head.campaign)}</strong>${head.session ? `<span>${esc(head.session)}</span>` : ''}` : `<strong>${t.app}</strong>`;
  return `<!doctype html>
<html lang="${t.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
${head.refresh ? '<meta http-equiv="refresh" content="60">\n' : ''}<title>${t.title}${head.session ? ` · ${esc(head.session)}` : ''}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="page">
<header class="top"><div class="brand">${brand}</div><a class="lang" href="${esc(query(lang === 'zh' ? 'en' : 'zh', head.q))}">${t.other}</a></header>
<main>
${body}
</main>
</div>
</body>
</html>`;
}

/** What a person typed, folded as Crockford base32 folds it (O→0, I/L→1); null when it cannot be a receipt. */
export function normaliseReceipt(typed: string): string | null {
  const s = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{8}$/.test(s) ? s : null;
}

export function renderReceiptList(list: ReceiptList, lang: PageLang, typed: string | undefined): string {
  const t = TEXTS[lang];
  const q = typed?.trim() ? typed.trim() : null;
  const head = { campaign: list.campaign.name, session: list.session.name, q };
  if (list.receipts === null || list.verdict === null) {
    const status = list.session.status === 'draft' ? 'draft' : 'open';
    return shell(lang, { ...head, refresh: true }, `<h1>${t.title}</h1>
<p class="box warn" role="status">${t.notYet[status]}</p>
<p>${t.later}</p>`);
  }
  const receipts = list.receipts;
  const wanted = q === null ? null : normaliseReceipt(q);
  let result = '';
  if (q !== null) {
    if (wanted === null) result = `<p class="box bad result" role="alert">${t.badCode}</p>`;
    else if (receipts.includes(wanted)) result = `<p class="box ok result" role="status">✓ ${esc(t.found(wanted))} <a href="#hit">${t.seeIt}</a></p>`;
    else result = `<p class="box bad result" role="alert">${esc(t.missing(wanted))}</p>`;
  }
  const verdict = list.verdict;
  const explanation: Message = verdict.explanation;
  const items = receipts.map((r) => (r === wanted ? `<li class="hit" id="hit">${r}</li>` : `<li>${r}</li>`)).join('');
  return shell(lang, head, `<h1>${t.title}</h1>
<p class="box ${verdict.status === 'valid' ? 'ok' : 'warn'}" data-verdict="${verdict.status}">${t.counts[verdict.status]}<br><span class="muted">${esc(explanation[lang])}</span></p>
<p>${receipts.length > 0 ? t.intro(receipts.length) : t.none}</p>
<form method="get" action="" role="search">
<label for="q"><span>${t.search} <small>${t.searchHint}</small></span></label>
<div class="row"><input id="q" name="q" value="${esc(q ?? '')}" maxlength="20" autocomplete="off" autocapitalize="characters" spellcheck="false" inputmode="text" placeholder="XXXXXXXX">${lang === 'en' ? '<input type="hidden" name="lang" value="en">' : ''}<button type="submit">${t.go}</button></div>
</form>
${result}
${receipts.length > 0 ? `<h2>${t.listLabel}</h2>\n<ol class="codes" data-testid="receipts">${items}</ol>` : ''}`);
}

/** An unknown session, or a path that cannot be one. */
export function renderNoSuchSession(lang: PageLang): string {
  const t = TEXTS[lang];
  return shell(lang, { campaign: null, session: null, q: null }, `<h1>${t.unknownTitle}</h1>\n<p>${t.unknownBody}</p>`);
}

/** Anything else that stops the page (too many requests, an internal error): the refusal's own words. */
export function renderReceiptPageError(lang: PageLang, message: Message): string {
  const t = TEXTS[lang];
  return shell(lang, { campaign: null, session: null, q: null }, `<h1>${t.errorTitle}</h1>\n<p>${esc(message[lang])}</p>`);
}
