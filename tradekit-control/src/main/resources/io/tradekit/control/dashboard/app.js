// The tradekit control dashboard: plain JavaScript, no library, nothing fetched from elsewhere.
// Every figure is put on the page as text (never as HTML), and the server checks every action again.
'use strict';

const RANK = { viewer: 0, operator: 1, admin: 2 };
const ui = {
  token: sessionStorage.getItem('tradekit.token') || '',
  me: null,
  auth: true,
  bots: new Map(),
  equity: new Map(),
  selected: null,
  socket: null,
  retry: 0,
  auditOffset: 0,
  refreshTimer: null,
};
const $ = (id) => document.getElementById(id);

async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (ui.token) headers['Authorization'] = 'Bearer ' + ui.token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  if (res.status === 401 && ui.auth && path !== '/api/auth/login') { showLogin('Your session ended; log in again.'); }
  if (!res.ok) {
    const err = new Error(data && data.error ? data.error.message : 'HTTP ' + res.status);
    err.status = res.status;
    err.code = data && data.error ? data.error.code : '';
    throw err;
  }
  return data;
}

// ---------------------------------------------------------------- session

async function init() {
  const config = await api('GET', '/api/config');
  ui.auth = config.auth;
  if (!ui.auth) { ui.me = { name: 'local', role: 'admin', tenant: '*' }; return showApp(); }
  if (!ui.token) return showLogin('');
  try {
    ui.me = await api('GET', '/api/auth/me');
    showApp();
  } catch (e) {
    showLogin('');
  }
}

function showLogin(message) {
  ui.token = '';
  sessionStorage.removeItem('tradekit.token');
  if (ui.socket) { ui.socket.onclose = null; ui.socket.close(); ui.socket = null; }
  $('app').hidden = true;
  $('session').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = message;
}

$('login-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  $('login-error').textContent = '';
  try {
    const r = await api('POST', '/api/auth/login', { username: $('username').value, password: $('password').value });
    ui.token = r.token;
    sessionStorage.setItem('tradekit.token', r.token);
    ui.me = r.user;
    $('password').value = '';
    showApp();
  } catch (e) {
    $('login-error').textContent = e.message;
  }
});

$('logout').addEventListener('click', async () => {
  try { await api('POST', '/api/auth/logout'); } catch (e) { /* the token is dropped either way */ }
  ui.bots.clear();
  ui.equity.clear();
  ui.selected = null;
  location.hash = '';
  showLogin('');
});

async function showApp() {
  $('login').hidden = true;
  $('app').hidden = false;
  $('session').hidden = false;
  $('logout').hidden = !ui.auth;
  $('whoami').textContent = ui.me.name + ' · ' + ui.me.role + (ui.me.tenant === '*' ? '' : ' · ' + ui.me.tenant);
  document.querySelectorAll('[data-role]').forEach((el) => { el.hidden = !allowed(el.dataset.role); });
  const list = await api('GET', '/api/bots');
  list.bots.forEach((b) => ui.bots.set(b.id, b));
  renderFleet();
  connect();
  const wanted = new URLSearchParams(location.hash.slice(1)).get('bot');
  if (wanted && ui.bots.has(wanted)) select(wanted);
}

function allowed(role) {
  return ui.me && RANK[ui.me.role] >= RANK[role];
}

// ---------------------------------------------------------------- live stream

function connect() {
  const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
  const socket = new WebSocket(scheme + location.host + '/api/stream');
  ui.socket = socket;
  socket.onopen = () => socket.send(JSON.stringify({ type: 'auth', token: ui.token }));
  socket.onmessage = (ev) => onMessage(JSON.parse(ev.data));
  socket.onclose = (ev) => {
    live(false);
    if (ev.code === 4401) return showLogin('Your session ended; log in again.');
    // Capped exponential backoff with jitter; a snapshot on reconnect brings the page up to date.
    const delay = Math.min(15000, 500 * 2 ** ui.retry++) * (0.5 + Math.random() / 2);
    setTimeout(() => { if (ui.socket === socket) connect(); }, delay);
  };
}

function live(on) {
  $('live').textContent = on ? 'live' : 'offline';
  $('live').className = 'badge ' + (on ? 'on' : 'off');
}

function onMessage(msg) {
  switch (msg.type) {
    case 'snapshot':
      ui.retry = 0;
      live(true);
      ui.bots.clear();
      msg.bots.forEach((b) => ui.bots.set(b.id, b));
      Object.entries(msg.equity).forEach(([id, points]) => ui.equity.set(id, points));
      renderFleet();
      if (ui.selected) { renderFigures(); renderChart(); scheduleRefresh(); }
      break;
    case 'status':
      ui.bots.set(msg.bot, msg.summary);
      renderFleet();
      if (msg.bot === ui.selected) { renderFigures(); scheduleRefresh(); }
      break;
    case 'equity': {
      ui.bots.set(msg.bot, msg.summary);
      const points = ui.equity.get(msg.bot) || [];
      points.push(msg.point);
      if (points.length > 5000) points.shift();
      ui.equity.set(msg.bot, points);
      renderFleet();
      if (msg.bot === ui.selected) { renderFigures(); renderChart(); }
      break;
    }
    case 'state': {
      const b = ui.bots.get(msg.bot);
      if (b) { b.state = msg.to; renderFleet(); }
      alert(msg.bot, 'INFO', msg.from + ' → ' + msg.to + ' by ' + msg.actor + ': ' + msg.reason, msg.time);
      if (msg.bot === ui.selected) { renderFigures(); scheduleRefresh(); }
      break;
    }
    case 'order':
    case 'fill':
      if (msg.bot === ui.selected) scheduleRefresh();
      break;
    case 'alert':
      alert(msg.bot, msg.level, msg.message, msg.time);
      break;
    default:
      break;
  }
}

function alert(bot, level, message, time) {
  const li = document.createElement('li');
  li.textContent = (time ? time.replace('T', ' ').slice(0, 19) + ' ' : '') + bot + ' [' + level + '] ' + message;
  if (level === 'CRITICAL' || level === 'WARNING') li.className = 'refused';
  const list = $('alerts');
  list.prepend(li);
  while (list.children.length > 50) list.lastChild.remove();
}

// ---------------------------------------------------------------- fleet

function text(v) {
  return v === null || v === undefined ? '—' : String(v);
}

function money(v) {
  if (v === null || v === undefined) return '—';
  const n = Number(v);
  return Number.isFinite(n) ? n.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : String(v);
}

function cell(row, value, cls) {
  const td = document.createElement('td');
  td.textContent = value;
  if (cls) td.className = cls;
  row.appendChild(td);
  return td;
}

// Rows are updated in place, not rebuilt, so that a row under the finger or the pointer stays the same element.
function renderFleet() {
  const body = $('fleet').tBodies[0];
  const seen = new Set();
  for (const b of ui.bots.values()) {
    seen.add(b.id);
    let tr = body.querySelector('tr[data-bot="' + CSS.escape(b.id) + '"]');
    if (!tr) {
      tr = document.createElement('tr');
      tr.dataset.bot = b.id;
      for (let i = 0; i < 9; i++) tr.appendChild(document.createElement('td'));
      tr.cells[3].appendChild(document.createElement('span'));
      tr.cells[4].appendChild(document.createElement('span'));
      tr.cells[4].className = 'state';
      tr.cells[5].className = 'equity';
      tr.cells[6].className = 'pnl';
      tr.addEventListener('click', () => select(b.id));
      body.appendChild(tr);
    }
    tr.classList.toggle('selected', b.id === ui.selected);
    tr.cells[0].textContent = b.id;
    tr.cells[1].textContent = text(b.venue);
    tr.cells[2].textContent = text(b.mode);
    const status = tr.cells[3].firstChild;
    status.className = 'badge status-' + b.status;
    status.textContent = b.status + (b.error ? ': ' + b.error : '');
    const state = tr.cells[4].firstChild;
    state.className = 'badge state-' + b.state;
    state.textContent = text(b.state);
    tr.cells[5].textContent = money(b.equity);
    tr.cells[6].textContent = money(b.pnl);
    tr.cells[7].textContent = b.position ? b.position.quantity + ' ' + b.position.symbol : '—';
    tr.cells[8].textContent = text(b.riskLevel);
  }
  Array.from(body.rows).forEach((tr) => { if (!seen.has(tr.dataset.bot)) tr.remove(); });
}

// ---------------------------------------------------------------- one bot

function select(id) {
  ui.selected = id;
  ui.auditOffset = 0;
  location.hash = 'bot=' + encodeURIComponent(id);
  $('detail').hidden = false;
  $('action-message').textContent = '';
  $('bot-title').textContent = id;
  renderFleet();
  renderFigures();
  renderChart();
  refresh();
}

function renderFigures() {
  const b = ui.bots.get(ui.selected);
  if (!b) return;
  $('bot-state').textContent = text(b.status === 'RUNNING' ? b.state : b.status);
  $('bot-state').className = 'value badge state-' + b.state;
  $('bot-equity').textContent = money(b.equity);
  $('bot-pnl').textContent = money(b.pnl);
  $('bot-risk').textContent = text(b.riskLevel);
}

function renderChart() {
  const points = (ui.equity.get(ui.selected) || []).map((p) => Number(p.equity)).filter(Number.isFinite);
  const every = Math.max(1, Math.ceil(points.length / 600));
  const values = points.filter((_, i) => i % every === 0 || i === points.length - 1);
  if (values.length === 0) {
    $('equity-line').setAttribute('points', '');
    $('drawdown-area').setAttribute('points', '');
    return;
  }
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i) => (values.length === 1 ? 600 : (i * 600) / (values.length - 1)).toFixed(1);
  $('equity-line').setAttribute('points', values.map((v, i) => x(i) + ',' + (175 - ((v - min) / span) * 170).toFixed(1)).join(' '));
  $('equity-min').textContent = money(min);
  $('equity-max').textContent = money(max);
  let peak = -Infinity;
  const dd = values.map((v) => { peak = Math.max(peak, v); return peak > 0 ? (peak - v) / peak : 0; });
  const deepest = Math.max(...dd) || 1e-9;
  const area = dd.map((d, i) => x(i) + ',' + ((d / deepest) * 78).toFixed(1));
  $('drawdown-area').setAttribute('points', '0,0 ' + area.join(' ') + ' 600,0');
  $('bot-drawdown').textContent = (dd[dd.length - 1] * 100).toFixed(2) + ' %';
}

function scheduleRefresh() {
  clearTimeout(ui.refreshTimer);
  ui.refreshTimer = setTimeout(refresh, 300);
}

async function refresh() {
  const id = ui.selected;
  if (!id) return;
  const b = ui.bots.get(id);
  if (!b || b.status !== 'RUNNING') {
    ['positions', 'orders', 'fills', 'audit'].forEach((t) => $(t).tBodies[0].replaceChildren());
    $('safety').textContent = b && b.error ? b.error : 'The bot is not running.';
    return;
  }
  const base = '/api/bots/' + encodeURIComponent(id);
  try {
    const [positions, orders, fills, safety] = await Promise.all([
      api('GET', base + '/positions'), api('GET', base + '/orders'), api('GET', base + '/fills?limit=50'), api('GET', base + '/safety')]);
    if (id !== ui.selected) return;
    fillTable('positions', positions.positions, (p) => [p.symbol, p.quantity, p.averageCost, p.realizedPnl, p.fees]);
    fillTable('orders', orders.orders, (o) => [o.clientOrderId, o.side, o.type, o.quantity, text(o.limitPrice), o.status], cancelButton);
    fillTable('fills', fills.fills.slice().reverse(), (f) => [f.time.replace('T', ' ').slice(0, 19), f.side, f.quantity, f.price, f.fee, f.clientOrderId]);
    renderSafety(safety);
    await loadAudit();
  } catch (e) {
    $('action-message').textContent = e.message;
  }
}

function fillTable(id, rows, columns, extra) {
  const body = $(id).tBodies[0];
  body.replaceChildren();
  rows.forEach((r) => {
    const tr = document.createElement('tr');
    columns(r).forEach((v) => cell(tr, text(v)));
    if (extra) extra(tr, r);
    body.appendChild(tr);
  });
}

function cancelButton(tr, order) {
  const td = cell(tr, '');
  if (!allowed('operator')) return;
  const btn = document.createElement('button');
  btn.type = 'button';
  btn.textContent = 'Cancel';
  btn.addEventListener('click', () => act('orders/' + encodeURIComponent(order.clientOrderId) + '/cancel', 'cancel ' + order.clientOrderId));
  td.appendChild(btn);
}

function renderSafety(r) {
  const box = $('safety');
  box.replaceChildren();
  const head = document.createElement('p');
  head.textContent = 'Level ' + r.level + ' · state ' + r.state + ' · health ' + (r.health && r.health.verdict ? r.health.verdict.action : '—');
  box.appendChild(head);
  $('bot-risk').textContent = r.level;
  if (r.activeBreakers.length) {
    const ul = document.createElement('ul');
    r.activeBreakers.forEach((v) => { const li = document.createElement('li'); li.textContent = v.policy + ': ' + v.action + ' — ' + v.reason; ul.appendChild(li); });
    box.appendChild(ul);
  } else {
    const p = document.createElement('p');
    p.textContent = 'No breaker tripped.';
    box.appendChild(p);
  }
  r.limits.forEach((l) => {
    const row = document.createElement('div');
    row.className = 'limit';
    const name = document.createElement('span');
    name.textContent = l.policy + ' · ' + l.usage.rule;
    const meter = document.createElement('div');
    const ratio = Math.max(0, Math.min(1, Number(l.ratio)));
    meter.className = 'meter' + (ratio >= 0.8 ? ' high' : ratio >= 0.5 ? ' medium' : '');
    const fill = document.createElement('span');
    fill.style.width = (ratio * 100).toFixed(0) + '%';
    meter.appendChild(fill);
    const figure = document.createElement('span');
    figure.textContent = l.usage.current + ' / ' + l.usage.limit;
    row.append(name, meter, figure);
    box.appendChild(row);
  });
}

async function loadAudit() {
  const q = new URLSearchParams({ limit: '20', offset: String(ui.auditOffset) });
  if ($('audit-type').value.trim()) q.set('type', $('audit-type').value.trim());
  if ($('audit-actor').value.trim()) q.set('actor', $('audit-actor').value.trim());
  const page = await api('GET', '/api/bots/' + encodeURIComponent(ui.selected) + '/audit?' + q);
  fillTable('audit', page.events, (e) => [e.time.replace('T', ' ').slice(0, 19), e.type, e.actor, e.reason]);
  $('audit-page').textContent = page.total === 0 ? 'none' : (page.offset + 1) + '–' + (page.offset + page.events.length) + ' of ' + page.total;
}

$('audit-next').addEventListener('click', () => { ui.auditOffset += 20; loadAudit().catch((e) => { $('action-message').textContent = e.message; }); });
$('audit-prev').addEventListener('click', () => { ui.auditOffset = Math.max(0, ui.auditOffset - 20); loadAudit().catch(() => {}); });
$('audit-type').addEventListener('change', () => { ui.auditOffset = 0; loadAudit().catch((e) => { $('action-message').textContent = e.message; }); });
$('audit-actor').addEventListener('change', () => { ui.auditOffset = 0; loadAudit().catch((e) => { $('action-message').textContent = e.message; }); });

// ---------------------------------------------------------------- actions

async function act(path, what, extra) {
  const reason = $('reason').value.trim() || ('from the dashboard: ' + what);
  const msg = $('action-message');
  msg.className = '';
  msg.textContent = what + '…';
  try {
    const r = await api('POST', '/api/bots/' + encodeURIComponent(ui.selected) + '/' + path, Object.assign({ reason }, extra || {}));
    msg.className = 'ok';
    msg.textContent = what + ': done' + (r && r.state ? ' (' + r.state + ')' : '') + (r && r.sent === false ? ' — denied by ' + r.deniedBy + ': ' + r.reason : '');
    const b = ui.bots.get(ui.selected);
    if (b && r && r.state) { b.state = r.state; renderFleet(); renderFigures(); }
    scheduleRefresh();
  } catch (e) {
    msg.className = 'refused';
    msg.textContent = what + ' refused: ' + e.message;
  }
}

$('act-pause').addEventListener('click', () => act('pause', 'pause'));
$('act-resume').addEventListener('click', () => act('resume', 'resume'));
$('act-flatten').addEventListener('click', () => act('flatten', 'flatten'));
$('act-emergency').addEventListener('click', () => {
  if (window.confirm('Emergency stop: cancel every order and close every position of ' + ui.selected + '?')) act('emergency-stop', 'emergency stop');
});
$('manual-order').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const order = { side: $('order-side').value, type: $('order-type').value, quantity: $('order-quantity').value.trim() };
  if (order.type === 'LIMIT') order.price = $('order-price').value.trim();
  act('orders', 'manual order', order);
});

window.addEventListener('hashchange', () => {
  const wanted = new URLSearchParams(location.hash.slice(1)).get('bot');
  if (wanted && wanted !== ui.selected && ui.bots.has(wanted)) select(wanted);
});

init().catch((e) => { document.body.textContent = 'The control plane did not answer: ' + e.message; });
