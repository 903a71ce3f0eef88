// 测评大屏: shows the session's board and redraws it on every server-sent event. Reads only what the screen key
// allows: participation per group, then the results the instruments' visibility permits. Nothing per rater, and never
// a verdict: while the office checks a count the board holds and the screen shows one neutral line.
const sessionId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
const key = new URLSearchParams(location.search).get('key') || '';
const frame = document.getElementById('frame');
let lastUpdate = null;

function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

const STATUS = { draft: ['未开始', ''], open: ['测评进行中', 'open'], closed: ['测评已结束', 'closed'] };

function pct(a, b) {
  return b > 0 ? Math.min(100, Math.round((a * 100) / b)) : 0;
}

function groupsHtml(p) {
  return p.groups.map((g) => {
    const body = g.hiddenForAnonymity
      ? '<div class="hidden-note">不足 3 份，暂不显示</div>'
      : `<div class="num" data-group-returned="${esc(g.groupId)}">${g.returned}<small> / ${g.issued} 份</small></div><div class="bar"><i style="width:${pct(g.returned, g.issued)}%"></i></div>`;
    return `<div class="group"><div class="name">${esc(g.name)}</div>${body}</div>`;
  }).join('');
}

function listHtml(key, items, render) {
  const columns = items.length > 36 ? 3 : items.length > 12 ? 2 : 1;
  return `<ol class="rank" data-key="${esc(key)}" style="columns:${columns};--row:3.2vh">${items.map(render).join('')}</ol>`;
}

/** Smallest row size still read from the back of a meeting room; a longer list is shown page by page instead. */
const MIN_ROW_VH = 2.3;
const PAGE_SECONDS = 8;
const pageOf = new Map();

function insideOf(ol, li) {
  const box = ol.getBoundingClientRect();
  const r = li.getBoundingClientRect();
  return r.right <= box.right + 1 && r.bottom <= box.bottom + 1;
}

/** Shrinks a list's rows until its last row is inside the panel (CSS columns overflow sideways, out of sight); past
 * the legible minimum, splits it into pages that turn every few seconds. */
function fit(ol) {
  const items = [...ol.children];
  const last = items[items.length - 1];
  if (!last) return;
  let size = 3.2;
  while (size > MIN_ROW_VH && !insideOf(ol, last)) {
    size = Math.max(MIN_ROW_VH, size - 0.15);
    ol.style.setProperty('--row', `${size.toFixed(2)}vh`);
  }
  if (insideOf(ol, last)) return;
  const cap = Math.max(1, items.filter((li) => insideOf(ol, li)).length);
  ol.dataset.cap = String(cap);
  ol.dataset.pages = String(Math.ceil(items.length / cap));
  showPage(ol);
  ol.classList.toggle('clipped', !items.slice(0, cap).every((li) => insideOf(ol, li)));
}

function showPage(ol) {
  const cap = Number(ol.dataset.cap);
  const pages = Number(ol.dataset.pages);
  const page = (pageOf.get(ol.dataset.key) || 0) % pages;
  [...ol.children].forEach((li, i) => { li.style.display = i >= page * cap && i < (page + 1) * cap ? '' : 'none'; });
  const label = ol.parentElement.querySelector('.page-no');
  if (label) label.textContent = `第 ${page + 1} / ${pages} 页`;
}

setInterval(() => {
  document.querySelectorAll('ol.rank[data-pages]').forEach((ol) => {
    pageOf.set(ol.dataset.key, ((pageOf.get(ol.dataset.key) || 0) + 1) % Number(ol.dataset.pages));
    showPage(ol);
  });
}, PAGE_SECONDS * 1000);

function instrumentPanel(it) {
  if (!it.visible) return `<div class="panel"><h2>${esc(it.name)}</h2><div class="waiting">${esc(it.waiting?.zh || '结果暂不公布')}</div></div>`;
  const list = listHtml(it.instrumentId, it.subjects, (s) => `<li><span class="no">${s.rank || '—'}</span><span class="who">${esc(s.name)}</span>${s.score === null ? `<span class="muted">${s.hiddenForAnonymity ? '不足 3 票' : '暂无得分'}</span>` : `<span class="score">${esc(s.score)}</span>`}</li>`);
  return `<div class="panel"><h2>${esc(it.name)}<small>得分排名</small><small class="page-no"></small></h2>${list}</div>`;
}

function rankingPanel(r) {
  if (r.hiddenForAnonymity) return `<div class="panel"><h2>${esc(r.name)}<small>总分与等次</small></h2><div class="waiting">有对象不足 3 票，暂不显示排名</div></div>`;
  const list = listHtml(r.rankingId, r.rows, (row) => `<li><span class="no">${row.rank}</span><span class="who">${esc(row.name)}</span><span class="score">${esc(row.total)}</span>${row.tierLabel ? `<span class="tier${row.tierLabel === r.rows[0]?.tierLabel ? ' t1' : ''}">${esc(row.tierLabel)}${row.tierTie ? '（并列待定）' : ''}</span>` : ''}</li>`);
  return `<div class="panel"><h2>${esc(r.name)}<small>总分与等次</small><small class="page-no"></small></h2>${list}</div>`;
}

function headerHtml(board, note) {
  const [statusText, statusClass] = STATUS[board.session.status] || [board.session.status, ''];
  return `<header><h1>${esc(board.session.name)}</h1><div class="campaign">${esc(board.session.campaignName)}</div>
      <span class="pill ${statusClass}" id="sessionStatus">${statusText}</span>${note ? `<span class="pill">${esc(note)}</span>` : ''}</header>`;
}

function footerHtml(text) {
  return `<footer><span>${text}</span><span id="updated">更新于 ${lastUpdate.toLocaleTimeString('zh-CN', { hour12: false })}</span></footer>`;
}

/** The office is checking the count: one calm line for the room, no numbers and no results (never the verdict). */
function drawHold(board) {
  frame.innerHTML = `
    ${headerHtml(board, '')}
    <div class="results"><div class="panel hold" id="hold"><div class="waiting">${esc(board.hold.zh)}</div></div></div>
    ${footerHtml('擂台 · 测评大屏')}`;
}

function draw(board) {
  lastUpdate = new Date();
  if (board.hold) return drawHold(board);
  const p = board.participation;
  const anyResults = board.instruments.some((i) => i.visible);
  const panels = anyResults ? [...board.rankings.map(rankingPanel), ...board.instruments.filter((i) => i.visible || board.rankings.length === 0).map(instrumentPanel)] : [];
  const waiting = board.instruments.filter((i) => !i.visible).map((i) => `${esc(i.name)}：${esc(i.waiting?.zh || '')}`).join('　');
  frame.innerHTML = `
    ${headerHtml(board, board.provisional && anyResults ? '实时结果，以最终计票为准' : '')}
    <div class="top">
      <div class="total"><div class="label">已收回 / 已发出</div>
        <div class="big"><span id="returned" data-returned="${p.returned}">${p.returned}</span><small> / ${p.issued}</small></div>
        <div class="bar"><i style="width:${pct(p.returned, p.issued)}%"></i></div>
        <div class="expected">应到 ${p.expected} 人</div></div>
      <div class="groups">${groupsHtml(p)}</div>
    </div>
    <div class="results">${panels.length > 0 ? panels.slice(0, 3).join('') : `<div class="panel"><div class="waiting">${waiting || '结果暂不公布'}</div></div>`}</div>
    ${footerHtml(anyResults && waiting ? waiting : '擂台 · 测评大屏')}`;
}

function afterDraw() {
  document.querySelectorAll('ol.rank').forEach(fit);
}

function fail(message) {
  frame.innerHTML = `<div class="error">${esc(message)}</div>`;
}

function connect() {
  if (!sessionId || !key) return fail('大屏链接不完整：请使用测评办公室提供的完整链接（含 key）。');
  const source = new EventSource(`/api/sessions/${encodeURIComponent(sessionId)}/screen/events?key=${encodeURIComponent(key)}`);
  source.addEventListener('board', (e) => {
    draw(JSON.parse(e.data));
    afterDraw();
  });
  source.addEventListener('error', async () => {
    if (source.readyState !== EventSource.CLOSED) return; // the browser reconnects by itself
    try {
      const res = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/screen?key=${encodeURIComponent(key)}`);
      if (!res.ok) return fail((await res.json()).error?.message?.zh || `无法显示（${res.status}）`);
    } catch { /* server unreachable: retry below */ }
    setTimeout(connect, 3000);
  });
}

connect();
