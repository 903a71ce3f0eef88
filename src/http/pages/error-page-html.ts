/**
 * A refusal as a page, for a person who followed a link in a browser (a notice, a big screen, a download opened in a
 * tab) rather than a program: the same code, status and words as the JSON body, readable on a phone, zh first.
 */
import type { ErrorBody } from '../../contracts/errors.js';
import { CJK_FONTS, esc } from './html.js';
import { pageCsp } from '../page-headers.js';

/** The page's one style sheet; its Content-Security-Policy allows exactly it, by hash, and no script. */
const STYLE = `
body{font-family:${CJK_FONTS};margin:0;padding:32px 20px;color:#1f2329;background:#f5f6f7;line-height:1.6}
main{max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:20px;margin:0 0 4px}.en{color:#646a73;font-size:14px}.status{color:#8f959e;font-size:13px;margin-top:16px}
ul{padding-left:20px}a{color:#1456f0}
`;
export const ERROR_PAGE_CSP = pageCsp({ styles: [STYLE] });

export function errorPageHtml(body: ErrorBody): string {
  const { status, message, details } = body.error;
  const lines = details.slice(0, 10).map((d) => `<li>${esc(d.message.zh)}<br><span class="en">${esc(d.message.en)}</span></li>`).join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(message.zh)} · 擂台</title>
<style>${STYLE}</style></head>
<body><main>
<h1>${esc(message.zh)}</h1><div class="en">${esc(message.en)}</div>
${lines ? `<ul>${lines}</ul>` : ''}
<p><a href="/">返回擂台首页</a> · <a href="/">Back to Leitai</a></p>
<div class="status">${esc(status)} · ${esc(body.error.code)}</div>
</main></body></html>`;
}
