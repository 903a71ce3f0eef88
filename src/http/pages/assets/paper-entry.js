// 纸质票录入: a clerk types paper ballots by keyboard. Plain ES module, no build step; talks to the API with the
// clerk's bearer token, kept in sessionStorage only (there is no cookie login yet).
const $ = (id) => document.getElementById(id);
const state = { token: sessionStorage.getItem('leitai.token') || '', sessionId: '', form: null, group: null, values: [], cursor: { i: 0, j: 0 }, busy: false };

function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

async function api(path, init = {}) {
  const res = await fetch(path, {
    method: init.method || (init.body === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer ${state.token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (init.raw) {
    if (!res.ok) throw await errorOf(res);
    return res;
  }
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) throw apiError(json, res.status);
  return json;
}

async function errorOf(res) {
  try { return apiError(await res.json(), res.status); } catch { return new Error(`HTTP ${res.status}`); }
}

function apiError(json, status) {
  const e = new Error(json?.error?.message?.zh || `HTTP ${status}`);
  e.code = json?.error?.code;
  e.details = json?.error?.details || [];
  return e;
}

// ---- setup: token and session ----
async function useToken() {
  state.token = $('token').value.trim() || state.token;
  if (!state.token) return;
  sessionStorage.setItem('leitai.token', state.token);
  $('token').value = '';
  $('token').placeholder = '已保存（重新粘贴可替换）';
  try {
    const campaigns = await api('/api/campaigns');
    const select = $('sessionSelect');
    select.innerHTML = '<option value="">— 请选择 —</option>';
    for (const c of campaigns.filter((c) => c.status !== 'published')) {
      const sessions = await api(`/api/campaigns/${encodeURIComponent(c.id)}/sessions`);
      for (const s of sessions) {
        const status = { draft: '未开始', open: '进行中', closed: '已结束' }[s.status] || s.status;
        select.insertAdjacentHTML('beforeend', `<option value="${esc(s.id)}">${esc(c.name)} · ${esc(s.name)}（${status}）</option>`);
      }
    }
    $('setupMsg').textContent = '请选择测评会。';
  } catch (e) {
    $('setupMsg').textContent = `无法读取测评会：${e.message}`;
  }
}

async function loadSession(id) {
  if (!id) return;
  try {
    state.form = await api(`/api/sessions/${encodeURIComponent(id)}/paper-form`);
  } catch (e) {
    $('setupMsg').textContent = `无法载入测评会：${e.message}`;
    return;
  }
  state.sessionId = id;
  const s = state.form.session;
  $('sessionTitle').textContent = `${s.campaignName} · ${s.name}`;
  const groups = state.form.groups.map((g) => `<option value="${esc(g.groupId)}">${esc(g.name)}${g.mode === 'named' ? '（实名）' : ''}</option>`).join('');
  $('group').innerHTML = groups;
  $('sheetGroup').innerHTML = groups;
  for (const id of ['entry', 'countsBox', 'logBox', 'tools']) $(id).classList.remove('hidden');
  if (!$('sheetNumber').value) $('sheetNumber').value = 'P-001';
  history.replaceState(null, '', `?session=${encodeURIComponent(id)}`);
  selectGroup();
  refreshCounts();
}

// ---- the ballot grid ----
function selectGroup() {
  state.group = state.form.groups.find((g) => g.groupId === $('group').value) || state.form.groups[0] || null;
  $('raterNameLabel').classList.toggle('hidden', state.group?.mode !== 'named');
  clearValues();
}

function clearValues() {
  state.values = (state.group?.instruments || []).map((it) => it.subjects.map(() => null));
  state.cursor = { i: 0, j: 0 };
  render();
}

function gradeKeysHelp(it) {
  return it.grades.map((g, k) => `<kbd>${k + 1}</kbd> ${esc(g.label)}`).join('　') + (it.allowAbstain ? '　<kbd>0</kbd> 弃权' : '');
}

function render() {
  const g = state.group;
  if (!g) {
    $('instruments').innerHTML = '<p class="muted">本测评会没有需要填写的测评组。</p>';
    return;
  }
  const first = g.instruments.find((it) => it.kind === 'grade');
  $('keyHelp').innerHTML = `${first ? gradeKeysHelp(first) + '　' : ''}<kbd>Enter</kbd>/<kbd>↓</kbd> 下一项　<kbd>↑</kbd>/<kbd>Backspace</kbd> 上一项　<kbd>Del</kbd> 清除　最后一项按 <kbd>Enter</kbd> 或任意处 <kbd>Ctrl</kbd>+<kbd>Enter</kbd> 保存`;
  $('instruments').innerHTML = g.instruments.map((it, i) => {
    if (!it.keyboardEntry) return `<h3>${esc(it.name)}</h3><p class="muted">该评价方式含细项或加减分，请在办公室控制台录入。</p>`;
    const rows = it.subjects.map((s, j) => {
      const v = state.values[i][j];
      const current = state.cursor.i === i && state.cursor.j === j ? ' current' : '';
      let cell;
      if (it.kind === 'grade') {
        cell = it.grades.map((gr, k) => `<span class="grade${v?.grade === gr.key ? ' on' : ''}" data-i="${i}" data-j="${j}" data-grade="${esc(gr.key)}"><small>${k + 1}</small>${esc(gr.label)}</span>`).join('') +
          (it.allowAbstain ? `<span class="grade${v?.abstain ? ' on' : ''}" data-i="${i}" data-j="${j}" data-abstain="1"><small>0</small>弃权</span>` : '');
      } else {
        cell = `<input type="number" class="score" data-i="${i}" data-j="${j}" min="${esc(it.score.min)}" max="${esc(it.score.max)}" step="${esc(it.score.step)}" value="${esc(v?.score ?? '')}" style="width:110px"> <span class="muted">${esc(it.score.min)}–${esc(it.score.max)}</span>`;
      }
      return `<tr class="row${current}" data-i="${i}" data-j="${j}"><td class="no">${j + 1}</td><td class="subject">${esc(s.name)}</td><td>${cell}</td></tr>`;
    }).join('');
    return `<h3 style="margin:12px 0 6px">${esc(it.name)}</h3><table class="form"><tbody>${rows}</tbody></table><ul class="rules">${rulesHtml(it, i)}</ul>`;
  }).join('');
  const cur = document.querySelector('tr.current');
  cur?.scrollIntoView({ block: 'nearest' });
  const input = cur?.querySelector('input.score');
  if (input && document.activeElement !== input) input.focus();
}

function rulesHtml(it, i) {
  return it.rules.map((r) => {
    const count = state.values[i].filter((v) => v && r.grades.includes(v.grade)).length;
    const bad = r.allowed !== null && r.bound === 'max' && count > r.allowed;
    const shown = r.allowed === null ? esc(r.forBallot.zh) : `${esc(r.label)}：已选 ${count} / ${r.bound === 'max' ? '最多' : '至少'} ${r.allowed}`;
    return `<li class="${bad ? 'bad' : ''}">${shown}</li>`;
  }).join('');
}

function move(delta) {
  const its = state.group.instruments;
  let { i, j } = state.cursor;
  j += delta;
  while (i < its.length && j >= its[i].subjects.length) { j -= its[i].subjects.length; i++; }
  while (i >= 0 && j < 0) { i--; if (i >= 0) j += its[i].subjects.length; }
  if (i < 0) { i = 0; j = 0; }
  if (i >= its.length) return false;
  state.cursor = { i, j };
  render();
  return true;
}

function setValue(value) {
  const { i, j } = state.cursor;
  state.values[i][j] = value;
  if (!move(1)) render();
}

function atLast() {
  const its = state.group.instruments;
  return state.cursor.i === its.length - 1 && state.cursor.j === its[its.length - 1].subjects.length - 1;
}

function onKey(e) {
  if (!state.group || $('entry').classList.contains('hidden')) return;
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); submit(); return; }
  const target = e.target;
  if (target.id === 'sheetNumber' || target.id === 'raterName') {
    if (e.key === 'Enter') { e.preventDefault(); target.blur(); state.cursor = { i: 0, j: 0 }; render(); }
    return;
  }
  if (target.tagName === 'SELECT' || (target.tagName === 'INPUT' && !target.classList.contains('score'))) return;
  const it = state.group.instruments[state.cursor.i];
  if (target.classList?.contains('score')) {
    if (e.key === 'Enter' || e.key === 'ArrowDown') {
      e.preventDefault();
      state.values[state.cursor.i][state.cursor.j] = target.value === '' ? null : { score: target.value };
      if (atLast() && e.key === 'Enter') submit(); else move(1);
    } else if (e.key === 'ArrowUp') { e.preventDefault(); move(-1); }
    return;
  }
  if (it?.kind === 'grade' && /^[1-9]$/.test(e.key)) {
    const grade = it.grades[Number(e.key) - 1];
    if (grade) { e.preventDefault(); setValue({ grade: grade.key }); }
  } else if (it?.kind === 'grade' && (e.key === '0' || e.key === ' ') && it.allowAbstain) {
    e.preventDefault(); setValue({ abstain: true });
  } else if (e.key === 'Enter' || e.key === 'ArrowDown') {
    e.preventDefault();
    if (e.key === 'Enter' && atLast()) submit(); else move(1);
  } else if (e.key === 'ArrowUp' || e.key === 'Backspace') {
    e.preventDefault(); move(-1);
  } else if (e.key === 'Delete') {
    e.preventDefault(); state.values[state.cursor.i][state.cursor.j] = null; render();
  }
}

function onClick(e) {
  const el = e.target.closest('[data-i]');
  if (!el || !state.group) return;
  state.cursor = { i: Number(el.dataset.i), j: Number(el.dataset.j) };
  if (el.dataset.grade) setValue({ grade: el.dataset.grade });
  else if (el.dataset.abstain) setValue({ abstain: true });
  else render();
}

function onInput(e) {
  if (!e.target.classList?.contains('score')) return;
  const i = Number(e.target.dataset.i), j = Number(e.target.dataset.j);
  state.values[i][j] = e.target.value === '' ? null : { score: e.target.value };
}

// ---- saving and checking ----
function sheetPayload() {
  const g = state.group;
  return {
    sheetNumber: $('sheetNumber').value.trim(),
    raterGroupId: g.groupId,
    raterName: g.mode === 'named' ? ($('raterName').value.trim() || null) : null,
    ballots: g.instruments.filter((it) => it.keyboardEntry).map((it) => {
      const i = g.instruments.indexOf(it);
      return {
        instrumentId: it.instrumentId,
        ratings: it.subjects.flatMap((s, j) => {
          const v = state.values[i][j];
          if (v) return [{ subjectId: s.subjectId, ...v }];
          // A blank on paper is an abstention where the instrument allows one; otherwise the server says what is missing.
          return it.allowAbstain ? [{ subjectId: s.subjectId, abstain: true }] : [];
        }),
      };
    }),
  };
}

function nextSheetNumber(n) {
  const m = /^(.*?)(\d+)(\D*)$/.exec(n);
  if (!m) return n;
  return m[1] + String(Number(m[2]) + 1).padStart(m[2].length, '0') + m[3];
}

function showResult(kind, html) {
  $('result').innerHTML = `<div class="result ${kind}">${html}</div>`;
}

function reasonsOf(problems) {
  return problems.map((p) => esc(p.message?.zh || p.code)).join('<br>');
}

async function submit() {
  if (state.busy || !state.group) return;
  const payload = sheetPayload();
  if (!payload.sheetNumber) { showResult('bad', '请填写票号'); $('sheetNumber').focus(); return; }
  state.busy = true;
  try {
    if ($('verifyMode').checked) await verify(payload);
    else await save(payload);
  } finally {
    state.busy = false;
  }
}

async function save(payload) {
  try {
    const r = await api(`/api/sessions/${encodeURIComponent(state.sessionId)}/paper-ballots`, { body: payload });
    const already = r.duplicate ? '（此前已录入，内容相同，未重复保存）' : '';
    if (r.valid) showResult('ok', `票号 <b>${esc(payload.sheetNumber)}</b> 已保存，<b>有效票</b>${already}。回执 ${esc(r.receipt)}`);
    else showResult('bad', `票号 <b>${esc(payload.sheetNumber)}</b> 已保存为 <b>无效票</b>${already}。原因：<br>${reasonsOf(r.problems)}`);
    addLog(payload.sheetNumber, r.valid, r.valid ? '' : reasonsOf(r.problems));
    $('sheetNumber').value = nextSheetNumber(payload.sheetNumber);
    clearValues();
    refreshCounts();
  } catch (e) {
    const more = e.details?.length ? '<br>' + e.details.map((d) => esc(d.message?.zh || '')).join('<br>') : '';
    showResult('bad', `未保存：${esc(e.message)}${more}${e.code === 'sheet_conflict' ? '<br>可勾选“核对录入”查看与已存内容的差异。' : ''}`);
  }
}

async function verify(payload) {
  try {
    const r = await api(`/api/sessions/${encodeURIComponent(state.sessionId)}/paper-verifications`, { body: payload });
    if (r.matches) showResult('ok', `票号 <b>${esc(payload.sheetNumber)}</b> 核对一致。`);
    else {
      showResult('bad', `票号 <b>${esc(payload.sheetNumber)}</b> 与已存内容有 ${r.mismatches.length} 处不同，请核对原票（见右侧“核对差异”）。`);
      $('mismatchBox').classList.remove('hidden');
      $('mismatches').insertAdjacentHTML('afterbegin', r.mismatches.map((m) => `<tr><td>${esc(payload.sheetNumber)}</td><td>${esc(m.label)}</td><td>${esc(m.stored)}</td><td>${esc(m.entered)}</td></tr>`).join(''));
    }
    $('sheetNumber').value = nextSheetNumber(payload.sheetNumber);
    clearValues();
  } catch (e) {
    showResult('bad', `无法核对：${esc(e.message)}`);
  }
}

function addLog(sheetNumber, valid, reasons) {
  $('log').insertAdjacentHTML('afterbegin', `<tr><td>${esc(sheetNumber)}</td><td>${valid ? '<span class="tag ok">有效</span>' : `<span class="tag bad">无效票</span><br>${reasons}`}</td></tr>`);
}

async function refreshCounts() {
  try {
    const s = await api(`/api/sessions/${encodeURIComponent(state.sessionId)}`);
    const c = s.counts;
    if (!c) return;
    $('counts').innerHTML = [['发出', c.issued], ['收回', c.returned], ['应到', c.expected], ['有效票', c.validBallots], ['无效票', c.invalidBallots], ['弃权项', c.abstentions]]
      .map(([k, v]) => `<div><b data-count="${k}">${v}</b>${k}</div>`).join('');
    $('verdict').textContent = s.verdict?.explanation?.zh || '';
  } catch { /* counts are a convenience */ }
}

// ---- printing ----
async function openHtml(html) {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  window.open(url, '_blank');
}

async function printTokens() {
  const count = Number($('sheetCount').value);
  try {
    const res = await api(`/api/sessions/${encodeURIComponent(state.sessionId)}/token-sheets`, { body: { raterGroupId: $('sheetGroup').value, count, origin: location.origin }, raw: true });
    await openHtml(await res.text());
    $('toolsMsg').textContent = `已发放 ${count} 个测评码，打印页已在新窗口打开（只显示这一次）。`;
    refreshCounts();
  } catch (e) {
    $('toolsMsg').textContent = `未能发放：${e.message}${e.details?.length ? '：' + e.details.map((d) => d.message?.zh).join('；') : ''}`;
  }
}

async function openReport() {
  try {
    const res = await api(`/api/sessions/${encodeURIComponent(state.sessionId)}/tally-report.html`, { raw: true });
    await openHtml(await res.text());
  } catch (e) { $('toolsMsg').textContent = e.message; }
}

async function downloadXlsx() {
  try {
    const res = await api(`/api/sessions/${encodeURIComponent(state.sessionId)}/tally-report.xlsx`, { raw: true });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(await res.blob());
    a.download = `计票单-${state.form.session.name}.xlsx`;
    a.click();
  } catch (e) { $('toolsMsg').textContent = e.message; }
}

$('saveToken').addEventListener('click', useToken);
$('token').addEventListener('keydown', (e) => { if (e.key === 'Enter') useToken(); });
$('sessionSelect').addEventListener('change', (e) => loadSession(e.target.value));
$('loadSession').addEventListener('click', () => loadSession($('sessionId').value.trim()));
$('group').addEventListener('change', () => { selectGroup(); document.activeElement?.blur(); });
$('verifyMode').addEventListener('change', (e) => {
  document.body.classList.toggle('verify', e.target.checked);
  $('modeBadge').textContent = e.target.checked ? '核对模式：不保存，只比对' : '';
  $('submit').textContent = e.target.checked ? '核对本票（Ctrl+Enter）' : '保存本票（Ctrl+Enter）';
  e.target.blur();
});
$('submit').addEventListener('click', submit);
$('clear').addEventListener('click', clearValues);
$('instruments').addEventListener('click', onClick);
$('instruments').addEventListener('input', onInput);
$('printTokens').addEventListener('click', printTokens);
$('openReport').addEventListener('click', openReport);
$('downloadXlsx').addEventListener('click', downloadXlsx);
document.addEventListener('keydown', onKey);

if (state.token) {
  $('token').placeholder = '已保存（重新粘贴可替换）';
  const wanted = new URLSearchParams(location.search).get('session');
  useToken().then(() => wanted && loadSession(wanted));
}
