// 纸质票录入: a clerk types paper ballots by keyboard. Plain ES module, no build step; talks to the API with the
// clerk's bearer token, kept in sessionStorage only (there is no cookie login yet).
const $ = (id) => document.getElementById(id);
const state = { token: sessionStorage.getItem('leitai.token') || '', sessionId: '', form: null, group: null, values: [], adj: [], opinions: [], opinionMsgs: {}, bound: null, boundError: '', line: null, cursor: { i: 0, j: 0 }, busy: false };

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
async function saveToken() {
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
// state.values[i][j]: null | { grade } | { abstain: true } | { score } | { criteria: { id: text } } for subject j of
// instrument i; state.adj[i][j]: the adjustments typed for it; state.opinions[i][j]: its written opinion (评价意见) as
// typed; state.opinionMsgs['i-j']: the server's reason for refusing it, shown at the field until it is typed;
// state.line: the adjustment being typed on the current row.
function selectGroup() {
  state.group = state.form.groups.find((g) => g.groupId === $('group').value) || state.form.groups[0] || null;
  $('raterNameLabel').classList.toggle('hidden', state.group?.mode !== 'named');
  const units = state.group?.boundUnits || [];
  $('boundLabel').classList.toggle('hidden', units.length === 0);
  $('boundUnits').innerHTML = units.map((u) => `<option value="${esc(u.label)}"></option>`).join('');
  clearValues();
}

function clearValues() {
  const its = state.group?.instruments || [];
  state.values = its.map((it) => it.subjects.map(() => null));
  state.adj = its.map((it) => it.subjects.map(() => []));
  state.opinions = its.map((it) => it.subjects.map(() => ''));
  state.opinionMsgs = {};
  state.bound = null;
  state.boundError = '';
  $('boundUnit').value = '';
  showBound();
  state.cursor = { i: 0, j: 0 };
  state.line = emptyLine();
  render();
}

const emptyLine = () => ({ itemId: '', points: '', reason: '', message: '' });

// ---- 回避: the sheet's bound unit takes its subjects off the sheet ----
function resolveBound() {
  const text = $('boundUnit').value.trim();
  const units = state.group?.boundUnits || [];
  const byName = units.filter((u) => u.name === text);
  const unit = text === '' ? null : units.find((u) => u.label === text || u.unitId === text) || (byName.length === 1 ? byName[0] : undefined);
  state.boundError = unit === undefined ? `未找到所属单位「${text}」，请从列表中选择，或清空表示不回避` : '';
  const bound = unit ? unit.unitId : null;
  if (unit) $('boundUnit').value = unit.label;
  if (bound !== state.bound) {
    state.bound = bound;
    // What was typed for subjects now off the sheet is dropped: it must not be sent.
    state.group.instruments.forEach((it, i) => {
      it.subjects.forEach((s, j) => {
        if (excluded(s)) { state.values[i][j] = null; state.adj[i][j] = []; state.opinions[i][j] = ''; }
      });
    });
    const first = positions()[0];
    state.cursor = first ? { i: first[0], j: first[1] } : { i: 0, j: 0 };
    state.line = emptyLine();
  }
  showBound();
  render();
}

function showBound() {
  const info = $('boundInfo');
  info.classList.toggle('bad', !!state.boundError);
  if (state.boundError) { info.textContent = state.boundError; return; }
  const off = state.bound === null ? 0 : (state.group?.instruments || []).reduce((n, it) => n + it.subjects.filter(excluded).length, 0);
  const unit = (state.group?.boundUnits || []).find((u) => u.unitId === state.bound);
  info.textContent = unit ? `回避${unit.name}：本票不含 ${off} 个对象` : '';
}

const excluded = (s) => state.bound !== null && s.conflictUnitIds.includes(state.bound);

/** [i, j] of every subject on this sheet, in order. */
function positions() {
  const out = [];
  (state.group?.instruments || []).forEach((it, i) => { it.subjects.forEach((s, j) => { if (!excluded(s)) out.push([i, j]); }); });
  return out;
}

// ---- decimals as integers scaled by 10^6, as the server checks them ----
function scaled(text) {
  const m = /^(-?)(\d{1,9})(?:\.(\d{1,6}))?$/.exec(String(text ?? '').trim());
  if (!m) return NaN;
  const v = Number(m[2]) * 1e6 + Number((m[3] ?? '').padEnd(6, '0'));
  return m[1] ? -v : v;
}

function unscaled(v) {
  const abs = Math.abs(v);
  const frac = String(abs % 1e6).padStart(6, '0').replace(/0+$/, '');
  return `${v < 0 ? '-' : ''}${Math.floor(abs / 1e6)}${frac ? '.' + frac : ''}`;
}

const itemOf = (it, id) => it.adjustments?.items.find((x) => x.id === id);
const pointsFit = (points, item) => scaled(points) > 0 && scaled(points) <= scaled(item.maxPoints);

function adjTotals(it, list) {
  let bonus = 0, deduction = 0;
  for (const a of list) {
    const item = itemOf(it, a.itemId);
    if (!item || !pointsFit(a.points, item)) continue;
    if (item.direction === 'bonus') bonus += scaled(a.points); else deduction += scaled(a.points);
  }
  const cfg = it.adjustments;
  return { bonus: unscaled(bonus), deduction: unscaled(deduction), bonusOver: bonus > scaled(cfg.maxTotalBonus), deductionOver: deduction > scaled(cfg.maxTotalDeduction) };
}

function criteriaSum(it, v) {
  let sum = 0, complete = true;
  for (const c of it.score.criteria) {
    const x = scaled(v?.criteria?.[c.id] ?? '');
    if (Number.isNaN(x)) complete = false; else sum += x;
  }
  return { text: unscaled(sum), complete };
}

// ---- 评价意见: an instrument may take a written opinion per subject, optional or required ----
const takesOpinion = (it) => it.opinion === 'optional' || it.opinion === 'required';

/**
 * Whether subject j of instrument i is sent as rated (not abstained, see sheetPayload) while its instrument requires an
 * opinion: then a blank opinion is an entry error the server refuses — the whole sheet is not saved (not a 无效票).
 */
function opinionNeeded(it, i, j) {
  const v = state.values[i][j];
  if (it.opinion !== 'required' || v?.abstain) return false;
  return it.kind === 'adjustments' || !!v || state.adj[i][j].length > 0;
}

const opinionMissing = (it, i, j) => opinionNeeded(it, i, j) && !/\S/.test(state.opinions[i][j]);

// ---- drawing ----
function gradeKeysHelp(it) {
  return it.grades.map((g, k) => `<kbd>${k + 1}</kbd> ${esc(g.label)}`).join('　') + (it.allowAbstain ? '　<kbd>0</kbd> 弃权' : '');
}

function keyHelp(g) {
  const first = g.instruments.find((it) => it.kind === 'grade');
  const parts = [first ? gradeKeysHelp(first) : '', '<kbd>Enter</kbd>/<kbd>↓</kbd> 下一项', '<kbd>↑</kbd>/<kbd>Backspace</kbd> 上一项', '<kbd>Del</kbd> 清除'];
  if (g.instruments.some(takesOpinion)) {
    parts.push('评价意见：<kbd>Tab</kbd> 进入（必填的选等次或分数栏按 <kbd>Enter</kbd> 后自动进入），再按 <kbd>Enter</kbd>/<kbd>Tab</kbd> 到下一对象，<kbd>Esc</kbd> 返回');
  }
  if (g.instruments.some((it) => it.adjustments)) parts.push('加减分：分数栏按 <kbd>+</kbd>，输入项目序号、分值、理由，各按 <kbd>Enter</kbd>；项目栏空着按 <kbd>Enter</kbd> 到下一对象');
  parts.push('最后一项按 <kbd>Enter</kbd> 或任意处 <kbd>Ctrl</kbd>+<kbd>Enter</kbd> 保存');
  return parts.filter(Boolean).join('　');
}

/** Redraws the grid and puts the focus where typing continues: `focus` names a field of the current row. */
function render(focus) {
  const g = state.group;
  if (!g) {
    $('instruments').innerHTML = '<p class="muted">本测评会没有需要填写的测评组。</p>';
    return;
  }
  $('keyHelp').innerHTML = keyHelp(g);
  $('instruments').innerHTML = g.instruments.map((it, i) => {
    const rows = it.subjects.map((s, j) => rowHtml(it, i, s, j)).join('');
    return `<h3 style="margin:12px 0 6px">${esc(it.name)}${headNote(it)}</h3><table class="form"><tbody>${rows}</tbody></table><ul class="rules">${rulesHtml(it, i)}</ul>`;
  }).join('');
  const cur = document.querySelector('tr.current');
  cur?.scrollIntoView({ block: 'nearest' });
  const target = cur && (cur.querySelector(`[data-f="${focus}"]`) || cur.querySelector('[data-main]'));
  if (target && document.activeElement !== target) target.focus();
  else if (!target && document.activeElement?.closest?.('#instruments')) document.activeElement.blur();
}

function headNote(it) {
  const notes = [];
  if (it.score?.criteria) notes.push(`按细则打分，满分 ${esc(it.score.max)}`);
  if (it.adjustments) notes.push(`加分上限 ${esc(it.adjustments.maxTotalBonus)}，减分上限 ${esc(it.adjustments.maxTotalDeduction)}，每项须写理由`);
  if (it.opinion === 'required') notes.push('每个对象须填写评价意见，缺少意见的票不能保存（不作为无效票）');
  else if (it.opinion === 'optional') notes.push('可填写评价意见');
  return notes.length ? ` <small class="muted">${notes.join('；')}</small>` : '';
}

function rowHtml(it, i, s, j) {
  if (excluded(s)) {
    return `<tr class="row excluded" data-subject="${esc(s.subjectId)}"><td class="no">–</td><td class="subject">${esc(s.name)}</td><td><span class="tag off">回避 · 不计入本票</span></td></tr>`;
  }
  const v = state.values[i][j];
  const isCurrent = state.cursor.i === i && state.cursor.j === j;
  const at = `data-i="${i}" data-j="${j}"`;
  let cell = '';
  if (it.kind === 'grade') {
    cell = it.grades.map((gr, k) => `<span class="grade${v?.grade === gr.key ? ' on' : ''}" ${at} data-grade="${esc(gr.key)}"><small>${k + 1}</small>${esc(gr.label)}</span>`).join('') +
      (it.allowAbstain ? `<span class="grade${v?.abstain ? ' on' : ''}" ${at} data-abstain="1"><small>0</small>弃权</span>` : '');
  } else if (it.score?.criteria) {
    const sum = criteriaSum(it, v);
    cell = it.score.criteria.map((c, k) => `<label class="crit">${esc(c.label)} <input type="number" class="crit" ${at} data-c="${esc(c.id)}" data-f="crit:${k}"${k === 0 ? ' data-main="1"' : ''} min="0" max="${esc(c.maxPoints)}" step="${esc(it.score.step)}" value="${esc(v?.criteria?.[c.id] ?? '')}"><span class="muted">/${esc(c.maxPoints)}</span></label>`).join('') +
      `<span class="crit-sum" data-sum="${i}-${j}">合计 <b>${sum.text}</b> / ${esc(it.score.max)}</span>`;
  } else if (it.kind === 'score') {
    cell = `<input type="number" class="score" ${at} data-f="score" data-main="1" min="${esc(it.score.min)}" max="${esc(it.score.max)}" step="${esc(it.score.step)}" value="${esc(v?.score ?? '')}" style="width:110px"> <span class="muted">${esc(it.score.min)}–${esc(it.score.max)}</span>`;
  } else if (it.allowAbstain) {
    cell = `<span class="grade${v?.abstain ? ' on' : ''}" ${at} data-abstain="1"><small>0</small>弃权</span>`;
  }
  // The opinion follows the value, so Tab from a score (or the last criterion) reaches it; for an instrument of
  // adjustments only, it follows them.
  if (it.kind !== 'adjustments') cell += opinionHtml(it, i, j, isCurrent);
  if (it.adjustments && !v?.abstain) cell += adjustmentsHtml(it, i, j, isCurrent);
  if (it.kind === 'adjustments') cell += opinionHtml(it, i, j, isCurrent);
  return `<tr class="row${isCurrent ? ' current' : ''}" ${at} data-subject="${esc(s.subjectId)}"><td class="no">${j + 1}</td><td class="subject">${esc(s.name)}</td><td>${cell}</td></tr>`;
}

/** The row's opinion field; one still missing is marked once the clerk has left its row. */
function opinionHtml(it, i, j, isCurrent) {
  if (!takesOpinion(it) || state.values[i][j]?.abstain) return '';
  const at = `data-i="${i}" data-j="${j}"`;
  const required = it.opinion === 'required';
  const refused = state.opinionMsgs[`${i}-${j}`];
  const missing = refused || (!isCurrent && opinionMissing(it, i, j));
  return `<label class="op" ${at} data-f="opinion"><span>评价意见${required ? '<b class="req">（必填）</b>' : '（选填）'}</span>` +
    `<input type="text" class="op-text${missing ? ' missing' : ''}" ${at} data-f="opinion" maxlength="2000" autocomplete="off"` +
    ` placeholder="${required ? '须填写评价意见' : '无意见可不填'}" value="${esc(state.opinions[i][j])}">` +
    (refused ? `<span class="op-msg">${esc(refused)}</span>` : '') + '</label>';
}

function adjustmentsHtml(it, i, j, isCurrent) {
  const list = state.adj[i][j];
  const at = `data-i="${i}" data-j="${j}"`;
  const chips = list.map((a, k) => {
    const item = itemOf(it, a.itemId);
    const sign = item?.direction === 'deduction' ? '−' : '+';
    return `<span class="adj ${esc(item?.direction)}">${sign}${esc(a.points)} ${esc(item?.label ?? a.itemId)}：${esc(a.reason)} <button type="button" class="adj-del" ${at} data-k="${k}" title="删除此项">×</button></span>`;
  }).join('');
  const t = adjTotals(it, list);
  const cfg = it.adjustments;
  const totals = list.length === 0 ? '' : `<span class="adj-sum"><span class="${t.bonusOver ? 'over' : ''}">加分 ${t.bonus}/${esc(cfg.maxTotalBonus)}</span> · <span class="${t.deductionOver ? 'over' : ''}">减分 ${t.deduction}/${esc(cfg.maxTotalDeduction)}</span></span>`;
  if (!isCurrent) {
    return `<div class="adjs">${chips}${totals}<button type="button" class="adj-open" ${at}>+ 加减分</button></div>`;
  }
  const line = state.line;
  const main = it.kind === 'adjustments' ? ' data-main="1"' : '';
  const options = cfg.items.map((x, k) => `<option value="${esc(x.id)}"${line.itemId === x.id ? ' selected' : ''}>${k + 1} ${x.direction === 'bonus' ? '加分' : '减分'}·${esc(x.label)}（≤${esc(x.maxPoints)}）</option>`).join('');
  return `<div class="adjs">${chips}${totals}<div class="adj-line">` +
    `<select class="adj-item" ${at} data-f="adj-item"${main}><option value="">${list.length ? '再加一项…' : '加减分项…'}</option>${options}</select>` +
    `<input type="text" class="adj-points" ${at} data-f="adj-points" size="5" placeholder="分值" inputmode="decimal" value="${esc(line.points)}">` +
    `<input type="text" class="adj-reason" ${at} data-f="adj-reason" placeholder="理由（必填）" maxlength="2000" value="${esc(line.reason)}">` +
    `<button type="button" class="adj-add" ${at}>添加</button>` +
    (line.message ? `<span class="adj-msg">${esc(line.message)}</span>` : '') + '</div></div>';
}

function rulesHtml(it, i) {
  const shown = it.subjects.map((_s, j) => j).filter((j) => !excluded(it.subjects[j]));
  const abstained = shown.filter((j) => state.values[i][j]?.abstain).length;
  const filled = shown.every((j) => state.values[i][j]);
  return it.rules.map((r) => {
    const count = shown.filter((j) => r.grades.includes(state.values[i][j]?.grade)).length;
    const n = r.base === 'rated' ? shown.length - abstained : shown.length;
    const allowed = r.allowedByN ? r.allowedByN[n] : r.allowed;
    if (allowed === null || allowed === undefined) return `<li>${esc(r.forBallot.zh)}</li>`;
    const bad = r.bound === 'max' ? count > allowed : filled && count < allowed;
    return `<li class="${bad ? 'bad' : ''}">${esc(r.label)}：已选 ${count} / ${r.bound === 'max' ? '最多' : '至少'} ${allowed}</li>`;
  }).join('');
}

// ---- moving and typing ----
function move(delta, focus) {
  const all = positions();
  if (all.length === 0) return false;
  const k = all.findIndex(([i, j]) => i === state.cursor.i && j === state.cursor.j);
  const next = Math.max(0, k) + delta;
  if (next >= all.length) return false;
  const [i, j] = all[Math.max(0, next)];
  if (i !== state.cursor.i || j !== state.cursor.j) state.line = emptyLine();
  state.cursor = { i, j };
  render(focus);
  return true;
}

function setValue(value) {
  const { i, j } = state.cursor;
  state.values[i][j] = value;
  // A grade on an instrument that requires an opinion: the opinion of this subject is typed next.
  if (value && !value.abstain && state.group.instruments[i].opinion === 'required') return render('opinion');
  if (!move(1)) render();
}

function atLast() {
  const all = positions();
  const last = all[all.length - 1];
  return !!last && state.cursor.i === last[0] && state.cursor.j === last[1];
}

function next(e) {
  if (e.key === 'Enter' && atLast()) submit(); else move(1);
}

/** Enter at the end of a row's value: its opinion when the instrument requires one, else on as `next`. */
function onward(e) {
  const { i, j } = state.cursor;
  const it = state.group.instruments[i];
  if (e.key === 'Enter' && it?.opinion === 'required' && !state.values[i][j]?.abstain) render('opinion');
  else next(e);
}

function readCriterion(input) {
  const i = Number(input.dataset.i), j = Number(input.dataset.j);
  const criteria = { ...(state.values[i][j]?.criteria || {}), [input.dataset.c]: input.value };
  if (input.value === '') delete criteria[input.dataset.c];
  state.values[i][j] = Object.keys(criteria).length ? { criteria } : null;
  const it = state.group.instruments[i];
  const sum = document.querySelector(`[data-sum="${i}-${j}"] b`);
  if (sum) sum.textContent = criteriaSum(it, state.values[i][j]).text;
}

function addAdjustment() {
  const { i, j } = state.cursor;
  const it = state.group.instruments[i];
  const line = state.line;
  const item = itemOf(it, line.itemId);
  let problem = null;
  if (!item) problem = ['请先选择加减分项', 'adj-item'];
  else if (!pointsFit(line.points, item)) problem = [`「${item.label}」的分值须大于 0 且不超过 ${item.maxPoints}`, 'adj-points'];
  else if (!/\S/.test(line.reason)) problem = [`「${item.label}」须写明加减分理由`, 'adj-reason'];
  if (problem) {
    line.message = problem[0];
    render(problem[1]);
    return;
  }
  state.adj[i][j] = [...state.adj[i][j], { itemId: item.id, points: line.points.trim(), reason: line.reason.trim() }];
  state.line = emptyLine();
  render('adj-item');
}

function onKey(e) {
  if (!state.group || $('entry').classList.contains('hidden')) return;
  // An input method composing Chinese uses Enter and the arrows itself (to take pinyin or pick a candidate).
  if (e.isComposing || e.keyCode === 229) return;
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); submit(); return; }
  const target = e.target;
  if (target.id === 'sheetNumber' || target.id === 'raterName' || target.id === 'boundUnit') {
    if (e.key === 'Enter') {
      e.preventDefault();
      target.blur();
      if (target.id === 'boundUnit') return resolveBound();
      const first = positions()[0];
      state.cursor = first ? { i: first[0], j: first[1] } : { i: 0, j: 0 };
      render();
    }
    return;
  }
  const cls = target.classList || { contains: () => false };
  const it = state.group.instruments[state.cursor.i];
  if (cls.contains('adj-item')) {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (target.value) render('adj-points'); else onward(e);
    } else if (e.key === '0' && it?.kind === 'adjustments' && it.allowAbstain) {
      e.preventDefault(); setValue({ abstain: true });
    } else if (e.key === 'Escape') { e.preventDefault(); state.line = emptyLine(); render('score'); }
    return;
  }
  if (cls.contains('adj-points') || cls.contains('adj-reason')) {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (cls.contains('adj-points')) render('adj-reason'); else addAdjustment();
    } else if (e.key === 'Escape') { e.preventDefault(); render('adj-item'); }
    return;
  }
  if (cls.contains('op-text')) {
    // The opinion ends a subject's row: Enter (saving at the last) or Tab goes on to the next subject.
    const i = Number(target.dataset.i), j = Number(target.dataset.j);
    if (e.key === 'Enter' || e.key === 'ArrowDown' || (e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.altKey)) {
      e.preventDefault();
      state.opinions[i][j] = target.value;
      if (state.cursor.i !== i || state.cursor.j !== j) { state.cursor = { i, j }; state.line = emptyLine(); }
      if (e.key === 'Tab') move(1); else next(e);
    } else if (e.key === 'Escape' || e.key === 'ArrowUp') {
      // Back to this subject's value: its first field, or the grade keys.
      e.preventDefault();
      state.opinions[i][j] = target.value;
      if (state.cursor.i !== i || state.cursor.j !== j) { state.cursor = { i, j }; state.line = emptyLine(); }
      target.blur();
      render();
    }
    return;
  }
  if (e.key === 'Tab' && !e.shiftKey && target === document.body) {
    // Nothing focused on a row of grades: Tab goes to the row's opinion.
    const op = document.querySelector('tr.current input.op-text');
    if (op) { e.preventDefault(); op.focus(); }
    return;
  }
  if (e.key === '+' && (cls.contains('score') || cls.contains('crit')) && it?.adjustments) {
    e.preventDefault();
    render('adj-item');
    return;
  }
  if (cls.contains('crit')) {
    const inputs = [...target.closest('tr').querySelectorAll('input.crit')];
    const k = inputs.indexOf(target);
    if (e.key === 'Enter' || e.key === 'ArrowDown') {
      e.preventDefault();
      readCriterion(target);
      if (k < inputs.length - 1) inputs[k + 1].focus(); else onward(e);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (k > 0) inputs[k - 1].focus(); else move(-1);
    }
    return;
  }
  if (target.tagName === 'SELECT' || (target.tagName === 'INPUT' && !cls.contains('score'))) return;
  if (cls.contains('score')) {
    if (e.key === 'Enter' || e.key === 'ArrowDown') {
      e.preventDefault();
      state.values[state.cursor.i][state.cursor.j] = target.value === '' ? null : { score: target.value };
      onward(e);
    } else if (e.key === 'ArrowUp') { e.preventDefault(); move(-1); }
    return;
  }
  if (it?.kind === 'grade' && /^[1-9]$/.test(e.key)) {
    const grade = it.grades[Number(e.key) - 1];
    if (grade) { e.preventDefault(); setValue({ grade: grade.key }); }
  } else if ((e.key === '0' || e.key === ' ') && it?.allowAbstain && (it.kind === 'grade' || it.kind === 'adjustments')) {
    e.preventDefault(); setValue({ abstain: true });
  } else if (e.key === 'Enter' || e.key === 'ArrowDown') {
    e.preventDefault();
    next(e);
  } else if (e.key === 'ArrowUp' || e.key === 'Backspace') {
    e.preventDefault(); move(-1);
  } else if (e.key === 'Delete') {
    e.preventDefault();
    state.values[state.cursor.i][state.cursor.j] = null;
    state.adj[state.cursor.i][state.cursor.j] = [];
    state.opinions[state.cursor.i][state.cursor.j] = '';
    render();
  }
}

function onClick(e) {
  const el = e.target.closest('[data-i]');
  if (!el || !state.group) return;
  const i = Number(el.dataset.i), j = Number(el.dataset.j);
  const same = state.cursor.i === i && state.cursor.j === j;
  if (el.classList.contains('adj-del')) {
    state.adj[i][j] = state.adj[i][j].filter((_, k) => k !== Number(el.dataset.k));
    return render();
  }
  if (el.classList.contains('adj-add')) return addAdjustment();
  // A click into a field of the current row keeps it; elsewhere the row becomes current with that field focused.
  if (same && /^(INPUT|SELECT)$/.test(el.tagName)) return;
  if (!same) state.line = emptyLine();
  state.cursor = { i, j };
  if (el.dataset.grade) setValue({ grade: el.dataset.grade });
  else if (el.dataset.abstain) setValue(state.values[i][j]?.abstain ? null : { abstain: true });
  else if (el.classList.contains('adj-open')) render('adj-item');
  else render(el.dataset.f);
}

function onInput(e) {
  const t = e.target;
  const cls = t.classList;
  if (!cls) return;
  const i = Number(t.dataset.i), j = Number(t.dataset.j);
  if (cls.contains('score')) state.values[i][j] = t.value === '' ? null : { score: t.value };
  else if (cls.contains('crit')) readCriterion(t);
  else if (cls.contains('adj-item')) state.line.itemId = t.value;
  else if (cls.contains('adj-points')) state.line.points = t.value;
  else if (cls.contains('adj-reason')) state.line.reason = t.value;
  else if (cls.contains('op-text')) {
    state.opinions[i][j] = t.value;
    if (/\S/.test(t.value)) {
      t.classList.remove('missing');
      delete state.opinionMsgs[`${i}-${j}`];
      t.parentElement.querySelector('.op-msg')?.remove();
    }
  }
}

// ---- saving and checking ----
function sheetPayload() {
  const g = state.group;
  return {
    sheetNumber: $('sheetNumber').value.trim(),
    raterGroupId: g.groupId,
    raterName: g.mode === 'named' ? ($('raterName').value.trim() || null) : null,
    boundUnitId: state.bound,
    ballots: g.instruments.map((it, i) => ({
      instrumentId: it.instrumentId,
      ratings: it.subjects.flatMap((s, j) => {
        if (excluded(s)) return [];
        const v = state.values[i][j];
        const adjustments = state.adj[i][j];
        // Sent trimmed, and only when written (as the phone does); an abstention carries none.
        const text = takesOpinion(it) ? state.opinions[i][j].trim() : '';
        const opinion = text ? { opinion: text } : {};
        if (v?.abstain) return [{ subjectId: s.subjectId, abstain: true }];
        // No bonus or deduction written is an answer of its own: none.
        if (it.kind === 'adjustments') return [{ subjectId: s.subjectId, adjustments, ...opinion }];
        if (!v && adjustments.length === 0) {
          // An opinion without a grade or score: sent, so the server names what is missing rather than losing the text.
          if (text) return [{ subjectId: s.subjectId, ...opinion }];
          // A blank on paper is an abstention where the instrument allows one; otherwise the server says what is missing.
          return it.allowAbstain ? [{ subjectId: s.subjectId, abstain: true }] : [];
        }
        return [{ subjectId: s.subjectId, ...v, ...(adjustments.length ? { adjustments } : {}), ...opinion }];
      }),
    })),
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
  const boundLabel = (state.group.boundUnits || []).find((u) => u.unitId === state.bound)?.label ?? '';
  if ($('boundUnit').value.trim() !== boundLabel) {
    // Typed but not yet taken: take it now, and let the clerk see which subjects left the sheet before saving.
    const before = state.bound;
    resolveBound();
    if (state.bound !== before) { showResult('bad', '所属单位已更新，请核对本票后再保存'); return; }
  }
  if (state.boundError) { showResult('bad', esc(state.boundError)); $('boundUnit').focus(); return; }
  const line = state.line;
  if (line && (line.itemId || line.points.trim() || line.reason.trim())) {
    showResult('bad', '正在填写的加减分项尚未添加：在理由栏按 Enter 添加，或在项目栏按 Esc 放弃');
    return;
  }
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
    // Only what the paper itself can be guilty of (a blank, a missing opinion…) may be stored as a 无效票.
    const paperOnly = !payload.asInvalid && e.code === 'ballot_refused' && e.details?.length > 0 && e.details.every((d) => state.form.paperDefects?.includes(d.code));
    const asInvalid = paperOnly ? '<br><button type="button" id="saveAsInvalid" class="warn">原票确实如此：按无效票保存（计入收回票数）</button>' : '';
    showResult('bad', `未保存：${esc(e.message)}${more}${e.code === 'sheet_conflict' ? '<br>可勾选“核对录入”查看与已存内容的差异。' : ''}${asInvalid}`);
    if (paperOnly) $('saveAsInvalid').addEventListener('click', () => void save({ ...payload, asInvalid: true }));
    focusOpinionProblem(e.details || []);
  }
}

/**
 * After a refusal for missing or too long opinions: each such field shows the server's reason, and the first one is
 * ready to type (the reasons are also listed under the sheet, which may be scrolled out of view).
 */
function focusOpinionProblem(details) {
  let first = null;
  for (const d of details) {
    if (d.code !== 'opinion_required' && d.code !== 'opinion_too_long') continue;
    const i = state.group.instruments.findIndex((it) => it.instrumentId === d.instrumentId);
    const j = i < 0 ? -1 : state.group.instruments[i].subjects.findIndex((s) => s.subjectId === d.subjectId);
    if (j < 0) continue;
    state.opinionMsgs[`${i}-${j}`] = d.message?.zh || d.code;
    first ??= { i, j };
  }
  if (!first) return;
  state.cursor = first;
  state.line = emptyLine();
  render('opinion');
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

$('saveToken').addEventListener('click', saveToken);
$('token').addEventListener('keydown', (e) => { if (e.key === 'Enter') saveToken(); });
$('sessionSelect').addEventListener('change', (e) => loadSession(e.target.value));
$('loadSession').addEventListener('click', () => loadSession($('sessionId').value.trim()));
$('group').addEventListener('change', () => { selectGroup(); document.activeElement?.blur(); });
$('boundUnit').addEventListener('change', resolveBound);
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
  saveToken().then(() => wanted && loadSession(wanted));
}
