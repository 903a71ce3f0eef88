// 测评大屏: shows the session's board and redraws it on every server-sent event. Reads only what the screen key
// allows: participation per group, then the results the instruments' visibility permits. Nothing per rater.
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

function rowSize(n, columns) {
  const perColumn = Math.ceil(n / columns);
  // Fit the rows into the panel's height: about 60% of the screen is left for the lists.
  return `${Math.max(1.8, Math.min(3.2, 58 / Math.max(perColumn, 1) - 0.9)).toFixed(2)}vh`;
}

function listHtml(items, render) {
  const columns = items.length > 30 ? 3 : items.length > 14 ? 2 : 1;
  return `<ol class="rank" style="columns:${columns};--row:${rowSize(items.length, columns)}">${items.map(render).join('')}</ol>`;
}

function instrumentPanel(it) {
  if (!it.visible) return `<div class="panel"><h2>${esc(it.name)}</h2><div class="waiting">${esc(it.waiting?.zh || '结果暂不公布')}</div></div>`;
  const list = listHtml(it.subjects, (s) => `<li><span class="no">${s.rank || '—'}</span><span class="who">${esc(s.name)}</span>${s.score === null ? `<span class="muted">${s.hiddenForAnonymity ? '不足 3 票' : '暂无得分'}</span>` : `<span class="score">${esc(s.score)}</span>`}</li>`);
  return `<div class="panel"><h2>${esc(it.name)}<small>得分排名</small></h2>${list}</div>`;
}

function rankingPanel(r) {
  const list = listHtml(r.rows, (row, i) => `<li><span class="no">${row.rank}</span><span class="who">${esc(row.name)}</span><span class="score">${esc(row.total)}</span>${row.tierLabel ? `<span class="tier${row.tierLabel === r.rows[0]?.tierLabel ? ' t1' : ''}">${esc(row.tierLabel)}${row.tierTie ? '（并列待定）' : ''}</span>` : ''}</li>`);
  return `<div class="panel"><h2>${esc(r.name)}<small>总分与等次</small></h2>${list}</div>`;
}

function draw(board) {
  lastUpdate = new Date();
  const p = board.participation;
  const [statusText, statusClass] = STATUS[board.session.status] || [board.session.status, ''];
  const anyResults = board.instruments.some((i) => i.visible);
  const panels = anyResults ? [...board.rankings.map(rankingPanel), ...board.instruments.filter((i) => i.visible || board.rankings.length === 0).map(instrumentPanel)] : [];
  const waiting = board.instruments.filter((i) => !i.visible).map((i) => `${esc(i.name)}：${esc(i.waiting?.zh || '')}`).join('　');
  frame.innerHTML = `
    <header><h1>${esc(board.session.name)}</h1><div class="campaign">${esc(board.session.campaignName)}</div>
      <span class="pill ${statusClass}" id="sessionStatus">${statusText}</span>${board.provisional && anyResults ? '<span class="pill">实时结果，以最终计票为准</span>' : ''}</header>
    <div class="top">
      <div class="total"><div class="label">已收回 / 已发出</div>
        <div class="big"><span id="returned" data-returned="${p.returned}">${p.returned}</span><small> / ${p.issued}</small></div>
        <div class="bar"><i style="width:${pct(p.returned, p.issued)}%"></i></div>
        <div class="verdict">应到 ${p.expected} 人　${esc(board.verdict.explanation.zh)}</div></div>
      <div class="groups">${groupsHtml(p)}</div>
    </div>
    <div class="results">${panels.length > 0 ? panels.slice(0, 3).join('') : `<div class="panel"><div class="waiting">${waiting || '结果暂不公布'}</div></div>`}</div>
    <footer><span>${anyResults && waiting ? waiting : '擂台 · 测评大屏'}</span><span id="updated">更新于 ${lastUpdate.toLocaleTimeString('zh-CN', { hour12: false })}</span></footer>`;
}

function fail(message) {
  frame.innerHTML = `<div class="error">${esc(message)}</div>`;
}

function connect() {
  if (!sessionId || !key) return fail('大屏链接不完整：请使用测评办公室提供的完整链接（含 key）。');
  const source = new EventSource(`/api/sessions/${encodeURIComponent(sessionId)}/screen/events?key=${encodeURIComponent(key)}`);
  source.addEventListener('board', (e) => draw(JSON.parse(e.data)));
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
