// 签到大屏: the venue screen of one lesson. Shows the rotating check-in QR code the server hands out (fetched again
// after `refreshInMs`, so the screen's own clock never matters) and the venue's counts, pushed as server-sent events.
// Without a fresh code — check-in not open yet, closed, or the network gone for longer than a code lives — it shows
// no QR at all, and says why.
const parts = location.pathname.split('/').filter(Boolean).slice(1, 5);
const base = `/api/checkin-screen/${parts.map(encodeURIComponent).join('/')}`;
const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
const frame = document.getElementById('frame');
const banner = document.getElementById('banner');

const TEXT = {
  zh: {
    scan: '扫码签到',
    note: '请用手机相机扫描；二维码每 15 秒更换，拍照或转发的二维码无法签到',
    open: '签到进行中',
    notYet: '签到尚未开始',
    notYetBody: (at) => `开课前 1 小时开放签到${at ? `（${at} 起）` : ''}`,
    closed: '签到已结束',
    closedBody: '本课次已结束。如需补签，请联系培训班工作人员。',
    starts: (at) => `${at} 开课`,
    checked: '已签到',
    expected: '应到',
    late: '迟到',
    leave: '请假',
    missing: '未签到',
    people: '人',
    footer: '擂台 · 签到大屏',
    reconnecting: '网络中断，正在重新连接…',
    lost: '网络中断，二维码已暂停显示；恢复连接后自动继续',
    incomplete: '大屏链接不完整：请使用培训班工作人员提供的完整链接。',
    unusable: (status) => `无法显示（${status}）`,
    retrying: '稍后自动重试',
  },
  en: {
    scan: 'Scan to check in',
    note: 'Scan with the phone camera; the code changes every 15 seconds, so a photo or a forwarded code will not work',
    open: 'Check-in open',
    notYet: 'Check-in has not opened yet',
    notYetBody: (at) => `It opens an hour before the lesson starts${at ? ` (from ${at})` : ''}`,
    closed: 'Check-in has closed',
    closedBody: 'This lesson has ended. For a late entry, ask the class staff.',
    starts: (at) => `starts ${at}`,
    checked: 'Checked in',
    expected: 'Expected',
    late: 'Late',
    leave: 'On leave',
    missing: 'Not yet',
    people: '',
    footer: 'Leitai · venue check-in screen',
    reconnecting: 'Connection lost; reconnecting…',
    lost: 'Connection lost: the QR code is paused and comes back once the screen is online again',
    incomplete: 'This screen link is incomplete: use the full link from the class staff.',
    unusable: (status) => `Cannot show this screen (${status})`,
    retrying: 'Retrying shortly',
  },
}[lang];
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';

/** A code is accepted in its own 15-s step and the next: past this since the last answer, the QR shown is dead. */
const CODE_LIFE_MS = 25_000;
const RETRY_MS = 3_000;

let code = null;
let lastOk = -Infinity;
let timer = 0;
let source = null;
/** The event stream dropped since it last opened: on reopening, the code shown may be old. */
let dropped = false;

function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

const clockOf = (local) => (/T(\d{2}:\d{2})/.exec(local || '') || [])[1] || '';

/** "2022-06-15T09:00" → its wall clock an hour earlier, "08:00" (check-in opens then); arithmetic on the text only. */
function opensAt(local) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local || '');
  if (!m) return '';
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4] - 1, +m[5]));
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function setText(id, value) {
  const el = document.getElementById(id);
  if (el) el.textContent = String(value);
}

function drawCounts(c) {
  if (!c || !document.getElementById('checkedIn')) return;
  const checked = c.onTime + c.late;
  setText('checkedIn', checked);
  setText('expected', c.expected);
  setText('late', c.late);
  setText('leave', c.leave);
  setText('missing', c.missing);
  const checkedEl = document.getElementById('checkedIn');
  checkedEl.dataset.count = String(checked);
  const bar = document.getElementById('bar');
  // Through the CSSOM, not a style attribute: the page's CSP allows no inline styles besides its own sheet.
  if (bar) bar.style.width = `${c.expected > 0 ? Math.min(100, Math.round((checked * 100) / c.expected)) : 0}%`;
}

function codeArea(c, live) {
  if (c.window === 'open' && live) {
    return `<div class="qr" id="qr" data-url="${esc(c.url)}">${c.qrSvg}</div>
      <div class="scan">${esc(TEXT.scan)}</div><div class="note">${esc(TEXT.note)}</div>`;
  }
  if (c.window === 'open') return `<div class="state" id="state" data-state="offline"><strong>${esc(TEXT.reconnecting)}</strong><span>${esc(TEXT.lost)}</span></div>`;
  const notYet = c.window === 'not_yet';
  return `<div class="state" id="state" data-state="${notYet ? 'not_yet' : 'closed'}"><strong>${esc(notYet ? TEXT.notYet : TEXT.closed)}</strong>
    <span>${esc(notYet ? TEXT.notYetBody(opensAt(c.startsAt)) : TEXT.closedBody)}</span></div>`;
}

function draw() {
  const c = code;
  const live = performance.now() - lastOk < CODE_LIFE_MS;
  const pill = c.window === 'open' ? ['open', TEXT.open] : c.window === 'closed' ? ['closed', TEXT.closed] : ['', TEXT.notYet];
  const cell = (id, cls, label) => `<div class="cell ${cls}"><div class="label">${esc(label)}</div><div class="num" id="${id}">0</div></div>`;
  frame.innerHTML = `
    <header>
      <div class="class" id="className">${esc(c.className)}</div>
      <h1 id="lessonTitle">${esc(c.lessonTitle)}</h1>
      <div class="where"><span id="venueName">${esc(c.venueName)}</span><span>${esc(TEXT.starts(clockOf(c.startsAt)))}</span>
        <span class="pill ${pill[0]}" id="window" data-window="${esc(c.window)}">${esc(pill[1])}</span></div>
    </header>
    <main>
      <section class="code">${codeArea(c, live)}</section>
      <section class="counts">
        <div class="checked"><div class="label">${esc(TEXT.checked)} / ${esc(TEXT.expected)}</div>
          <div class="big"><span id="checkedIn">0</span><small> / <span id="expected">0</span> ${esc(TEXT.people)}</small></div>
          <div class="bar"><i id="bar"></i></div></div>
        <div class="grid">${cell('late', 'late', TEXT.late)}${cell('leave', 'leave', TEXT.leave)}${cell('missing', 'missing', TEXT.missing)}</div>
      </section>
    </main>
    <footer><span>${esc(TEXT.footer)}</span><span>${esc(c.venueName)}</span></footer>`;
  drawCounts(c.counts);
}

function fail(message, detail) {
  code = null;
  frame.innerHTML = `<div class="error" id="status">${esc(message)}<small>${esc(detail || '')}</small></div>`;
}

function showBanner(text) {
  banner.textContent = text;
  banner.hidden = !text;
}

async function refresh() {
  clearTimeout(timer);
  let res;
  try {
    res = await fetch(base, { cache: 'no-store' });
  } catch {
    res = null;
  }
  if (res?.ok) {
    code = await res.json();
    lastOk = performance.now();
    showBanner('');
    draw();
    timer = setTimeout(refresh, Math.max(1_000, code.refreshInMs));
    return;
  }
  if (res && res.status >= 400 && res.status < 500) {
    // A wrong or revoked key, an unknown lesson: say so; try again now and then, in case the office fixes it.
    const body = await res.json().catch(() => null);
    fail(body?.error?.message?.[lang] || TEXT.unusable(res.status), TEXT.retrying);
    timer = setTimeout(refresh, 30_000);
    return;
  }
  // Unreachable (or our 5xx): keep the last code while it can still be scanned, then take it down.
  showBanner(TEXT.reconnecting);
  if (code) draw();
  timer = setTimeout(refresh, RETRY_MS);
}

function listen() {
  source?.close();
  source = new EventSource(`${base}/events`);
  source.addEventListener('counts', (e) => {
    const data = JSON.parse(e.data);
    const counts = data.counts ?? data;
    if (code) code.counts = counts;
    drawCounts(counts);
  });
  source.addEventListener('open', () => {
    // Back after a drop: fetch the current code now rather than at the next turn.
    if (dropped) void refresh();
    dropped = false;
  });
  source.addEventListener('error', () => {
    dropped = true;
    if (source.readyState !== EventSource.CLOSED) return; // the browser reconnects by itself
    setTimeout(listen, RETRY_MS);
  });
}

// A code the network kept from being replaced dies within a step or two: take it off the wall then.
setInterval(() => {
  if (code && code.window === 'open' && document.getElementById('qr') && performance.now() - lastOk >= CODE_LIFE_MS) draw();
}, 1_000);

if (parts.length !== 4 || parts.some((p) => !p)) {
  fail(TEXT.incomplete);
} else {
  void refresh();
  listen();
}
