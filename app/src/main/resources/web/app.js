// pobox investigators' page. Plain JS, no build step. Every text from the server is escaped before
// it reaches the page; hits come marked with two private-use characters, turned into <mark> after
// escaping. The URL holds the whole search, so it can be bookmarked and shared.
'use strict';

const PRE = '\uE000', POST = '\uE001';
const FACETS = {
  subject: '问题类别', discipline: '违反纪律', region: '地区', target_level: '被反映人层级', in_scope: '受理范围',
  signed: '署名', late: '逾期', needs_review: '需人工复核', box: '举报箱', month: '收信月份'
};
const BOOL = { in_scope: ['属受理范围', '转交有关部门'], signed: ['实名', '匿名'], late: ['逾期', '按期'], needs_review: ['需复核', '无需复核'] };
// why a letter needs a reader of its scan (ocr/Review.java)
const REVIEW = { low_confidence: '识别可信度低', little_text: '识别文字过少', handwriting_suspected: '疑似手写，个别字可能识别有误',
  traditional_script: '繁体字信件，部分繁体字无法识别', unreadable_pages: '有页面无法解码' };
const FIELDS = { subject: '主要问题类别', subjects: '问题类别', discipline: '违反纪律', region: '地区', in_scope: '是否属受理范围',
  forward_to: '转交单位', target_level: '被反映人层级', targets: '被反映人' };
let me = null;

const $ = (id) => document.getElementById(id);
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const marked = (s) => esc(s).split(PRE).join('<mark>').split(POST).join('</mark>');
const fmtDate = (s) => (s ? String(s).slice(0, 10) : '');
const boolText = (k, v) => (BOOL[k] ? BOOL[k][v === true || v === 'true' ? 0 : 1] : String(v));

function flash(msg) {
  const f = $('flash');
  f.textContent = msg; f.hidden = false;
  clearTimeout(flash.t); flash.t = setTimeout(() => { f.hidden = true; }, 3500);
}

async function api(path, opts = {}) {
  const headers = Object.assign({}, opts.headers || {});
  if (opts.method && opts.method !== 'GET' && me && me.csrf) headers['X-CSRF-Token'] = me.csrf;
  if (opts.json !== undefined) { headers['Content-Type'] = 'application/json'; opts.body = JSON.stringify(opts.json); }
  const r = await fetch(path, { method: opts.method || 'GET', headers, body: opts.body, credentials: 'same-origin' });
  if (r.status === 401 && path !== '/api/login') { me = null; show('login'); throw new Error('请先登录'); }
  const type = r.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await r.json() : await r.blob();
  if (!r.ok) throw new Error((data && data.error) || ('HTTP ' + r.status));
  return data;
}

function show(view) {
  for (const v of ['login', 'search', 'letter', 'audit', 'users', 'mail']) $(v + '-view').hidden = v !== view;
  $('nav').hidden = $('logout').hidden = !me;
}

function has(role) { return !!me && me.roles.includes(role); }
function readsLetters() { return has('investigator') || has('lead'); }

// ----------------------------------------------------------------- navigation

function go(url) { history.pushState(null, '', url); route(); }
window.addEventListener('popstate', () => route());
document.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-go]');
  if (a && !e.ctrlKey && !e.metaKey && e.button === 0) { e.preventDefault(); go(a.getAttribute('href')); }
});

async function route() {
  if (!me) {
    try { me = await api('/api/me'); } catch (e) { show('login'); return; }
  }
  $('who').textContent = me.name + '（' + me.roles.map(roleName).join('、') + '）';
  $('nav-audit').hidden = !has('lead');
  $('nav-users').hidden = !has('admin');
  $('nav-mail').hidden = !(has('mailroom') || has('admin'));
  $('nav-search').hidden = !readsLetters();
  const p = new URLSearchParams(location.search);
  const view = p.get('view') || (readsLetters() ? 'search' : has('admin') ? 'users' : 'mail');
  try {
    if (view === 'letter') await showLetter(p.get('id'), p);
    else if (view === 'audit') await showAudit(p);
    else if (view === 'users') await showUsers();
    else if (view === 'mail') await showMail();
    else await showSearch(p);
  } catch (e) { flash(e.message); }
}

function roleName(r) { return { mailroom: '收件员', investigator: '调查人员', lead: '负责人', admin: '管理员' }[r] || r; }

// ----------------------------------------------------------------- login

$('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  $('login-error').textContent = '';
  try {
    me = await api('/api/login', { method: 'POST', json: { name: $('login-name').value, password: $('login-password').value } });
    $('login-password').value = '';
    route();
  } catch (err) { $('login-error').textContent = err.message; }
});

$('logout').addEventListener('click', async () => {
  try { await api('/api/logout', { method: 'POST', json: {} }); } catch (e) { /* the session is gone either way */ }
  me = null; history.pushState(null, '', '/'); show('login');
});

// ----------------------------------------------------------------- search

function searchParams() {
  const p = new URLSearchParams(location.search);
  p.delete('view'); p.delete('id');
  return p;
}

function setParam(p, k, v) { if (v) p.set(k, v); else p.delete(k); }

$('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const p = searchParams();
  setParam(p, 'q', $('q').value.trim()); setParam(p, 'from', $('from').value); setParam(p, 'to', $('to').value);
  setParam(p, 'sort', $('sort').value === 'relevance' ? '' : $('sort').value);
  p.delete('page');
  go('/?' + p.toString());
});

async function showSearch(p) {
  show('search');
  $('q').value = p.get('q') || ''; $('from').value = p.get('from') || ''; $('to').value = p.get('to') || '';
  $('sort').value = p.get('sort') || 'relevance';
  const qs = searchParams().toString();
  const res = await api('/api/search?' + qs);
  renderFacets(res.facets, p);
  const exportLinks = '<a id="export" href="/api/export?' + esc(qs) + '">导出CSV</a>'
    + (has('lead') ? ' <a id="export-identity" href="/api/export?' + esc(qs) + (qs ? '&' : '') + 'identity=true">导出（含举报人信息）</a>' : '');
  $('summary').innerHTML = '<span>共 <b id="total">' + res.total + '</b> 封来信（检索用时 ' + res.took_ms + ' 毫秒）</span>' + exportLinks;
  $('results').innerHTML = res.hits.map((h) => resultItem(h, qs)).join('') || '<li>没有找到符合条件的来信。</li>';
  renderPager(res, p);
}

function resultItem(h, qs) {
  const tags = [];
  if (h.sealed) tags.push('<span class="tag sealed">已封存</span>');
  if (h.late) tags.push('<span class="tag warn">逾期</span>');
  if (h.needs_review) tags.push('<span class="tag bad">需复核</span>');
  if (h.duplicate_of) tags.push('<span class="tag">重复来信</span>');
  if (h.in_scope === false) tags.push('<span class="tag">转交</span>');
  const href = '/?view=letter&id=' + encodeURIComponent(h.id) + (qs ? '&' + qs : '');
  return '<li><a class="title" data-go href="' + esc(href) + '">' + esc(h.registration_no || h.id.slice(0, 12)) + ' · '
    + esc(h.subject || (h.subjects || []).join('、') || '未分类') + '</a> ' + tags.join(' ')
    + '<div class="meta"><span>收信 ' + esc(fmtDate(h.received_at)) + '</span><span>地区 ' + esc(h.region || '—') + '</span>'
    + '<span>' + esc(h.page_count || 0) + ' 页</span>' + (h.signed === true ? '<span>实名</span>' : h.signed === false ? '<span>匿名</span>' : '') + '</div>'
    + (h.snippets || []).map((s) => '<p class="snippet">…' + marked(s) + '…</p>').join('') + '</li>';
}

function renderFacets(facets, p) {
  let html = '';
  for (const [name, label] of Object.entries(FACETS)) {
    const buckets = (facets && facets[name]) || [];
    if (!buckets.length) continue;
    const chosen = p.getAll('f.' + name);
    html += '<div class="facet" data-facet="' + name + '"><h3>' + label + '</h3>';
    for (const b of buckets) {
      const q = searchParams();
      const on = chosen.includes(b.value);
      q.delete('f.' + name); q.delete('page');
      for (const c of chosen) if (c !== b.value) q.append('f.' + name, c);
      if (!on) q.append('f.' + name, b.value);
      const text = BOOL[name] ? boolText(name, b.value) : b.value;
      html += '<a data-go class="' + (on ? 'on' : '') + '" href="/?' + esc(q.toString()) + '"><span>' + esc(text) + '</span><span>' + b.count + '</span></a>';
    }
    html += '</div>';
  }
  $('facets').innerHTML = html;
}

function renderPager(res, p) {
  const pages = Math.min(Math.ceil(res.total / res.size), Math.floor(10000 / res.size));
  if (pages <= 1) { $('pager').innerHTML = ''; return; }
  const link = (n, t) => { const q = searchParams(); q.set('page', n); return '<a data-go href="/?' + esc(q.toString()) + '">' + t + '</a>'; };
  let html = res.page > 1 ? link(res.page - 1, '上一页') : '';
  html += '<span>第 ' + res.page + ' / ' + pages + ' 页</span>';
  if (res.page < pages) html += link(res.page + 1, '下一页');
  $('pager').innerHTML = html;
}

// ----------------------------------------------------------------- one letter

// words and phrases of the search box, for marking in the text and on the image
function marks(q) {
  const out = [];
  const re = /(-?)(?:"([^"]*)"|“([^”]*)”|(\S+))/g;
  let m;
  while ((m = re.exec(q || ''))) {
    const t = (m[2] ?? m[3] ?? m[4] ?? '').trim();
    if (t && !m[1]) out.push(t);
  }
  return out;
}

function markText(text, terms) {
  let s = String(text ?? '');
  if (terms.length) {
    // a line break or space may stand between any two characters of a term in the page text (the
    // search ignores it between Chinese characters: a phrase that crosses a line is a hit)
    const re = new RegExp(terms.map((t) => [...t.replace(/\s+/g, '')]
      .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')).join('|'), 'g');
    s = s.replace(re, (x) => PRE + x + POST);
  }
  return marked(s);
}

async function showLetter(id, p) {
  show('letter');
  const back = searchParams(); back.delete('view'); back.delete('id');
  $('back').href = '/?' + back.toString(); $('back').setAttribute('data-go', '');
  const l = await api('/api/letters/' + encodeURIComponent(id));
  const terms = marks(p.get('q'));
  const kv = (k, v) => (v === undefined || v === null || v === '' ? '' : '<dt>' + esc(k) + '</dt><dd>' + v + '</dd>');
  const targets = (l.targets || []).map((t) => esc([t.name, t.unit, t.post, t.level].filter(Boolean).join(' '))).join('；');
  const evidence = explainHtml(l.explain);
  const dup = l.duplicates || { letters: [] };
  let html = '<h1 id="letter-title">' + esc(l.registration_no || id.slice(0, 12)) + (l.sealed ? ' <span class="tag sealed">已封存</span>' : '') + '</h1>';
  html += '<div class="letter-head"><div class="card"><h2>登记信息</h2><dl class="kv">'
    + kv('登记编号', esc(l.registration_no)) + kv('收信日期', esc(fmtDate(l.received_at))) + kv('信件日期', esc(fmtDate(l.letter_date)))
    + kv('邮戳日期', esc(fmtDate(l.postmark_date))) + kv('举报箱', esc(l.box)) + kv('原件', esc((l.file_names || []).join('、')))
    + kv('页数', esc(l.page_count)) + kv('识别可信度', l.ocr_confidence != null ? esc(Math.round(l.ocr_confidence * 100) + '%') : '')
    + kv('逾期', l.late != null ? esc(boolText('late', l.late)) : '') + kv('署名', l.signed != null ? esc(boolText('signed', l.signed)) : '')
    + kv('复核原因', esc((l.review_reasons || []).map((r) => REVIEW[r] || r).join('；')));
  if (l.reporter) {
    html += kv('举报人', esc([l.reporter.name, l.reporter.phone, l.reporter.id_number, l.reporter.address].filter(Boolean).join(' ')));
  }
  html += '</dl></div><div class="card"><h2>分类</h2><dl class="kv" id="classification">'
    + kv('主要问题类别', esc(l.subject)) + kv('问题类别', esc((l.subjects || []).join('、'))) + kv('违反纪律', esc(l.discipline))
    + kv('地区', esc(l.region)) + kv('被反映人', targets) + kv('被反映人层级', esc(l.target_level))
    + kv('受理范围', l.in_scope != null ? esc(boolText('in_scope', l.in_scope)) : '') + kv('转交单位', esc(l.forward_to))
    + '</dl>' + (evidence ? '<h2>分类依据</h2>' + evidence : '') + correctionForm(l) + '</div></div>';
  if (dup.letters.length > 1) {
    html += '<div class="card" id="duplicates"><h2>同一事项来信（重复 ' + dup.repeat_count + ' 次）</h2><ul>'
      + dup.letters.map((d) => '<li>' + (d.id === id ? '<b>' : '<a data-go href="/?view=letter&id=' + esc(encodeURIComponent(d.id)) + '">')
        + esc(d.registration_no || d.id.slice(0, 12)) + ' · ' + esc(fmtDate(d.received_at)) + (d.first ? '（首次）' : '')
        + (d.id === id ? '</b>' : '</a>') + '</li>').join('') + '</ul></div>';
  }
  if (has('lead')) {
    html += '<p><button type="button" id="seal" class="secondary">' + (l.sealed ? '解除封存' : '封存此信') + '</button></p>';
  }
  for (const pg of l.pages || []) {
    const low = pg.low_confidence;
    html += '<div class="page' + (low ? ' low' : '') + '" data-page="' + pg.number + '">'
      + '<div class="scan"><img alt="第' + pg.number + '页扫描件" data-src="/api/letters/' + esc(encodeURIComponent(id)) + '/pages/' + pg.number + '/image"></div>'
      + '<div><h2>第 ' + pg.number + ' 页 ' + (low ? '<span class="tag warn">识别可信度低（' + Math.round(pg.confidence * 100) + '%），请对照原件</span>' : '')
      + (pg.engine ? ' <span class="tag">' + esc(pg.engine) + '</span>' : '') + '</h2>'
      + '<div class="pagetext">' + markText(pg.text, terms) + '</div>'
      + (pg.transcript ? '<h2>人工录入文字</h2><div class="pagetext">' + markText(pg.transcript, terms) + '</div>' : '')
      + (low || l.needs_review || pg.transcript ? '<form class="transcript" data-page="' + pg.number + '"><label>录入本页文字<textarea name="text">'
        + esc(pg.transcript || '') + '</textarea></label><button type="submit">保存录入</button></form>' : '')
      + '</div></div>';
  }
  $('letter').innerHTML = html;
  document.querySelectorAll('.scan img').forEach((img, i) => loadScan(img, (l.pages || [])[i], terms));
  wireLetter(l, id);
}

// the scan comes through fetch: its X-Page-Width header says how wide the original page was, since
// the server sends large scans scaled down and the OCR boxes are in the original's pixels
async function loadScan(img, page, terms) {
  try {
    const r = await fetch(img.dataset.src, { credentials: 'same-origin' });
    if (!r.ok) { img.alt += '（无法显示）'; return; }
    const width = Number(r.headers.get('X-Page-Width')) || 0;
    img.addEventListener('load', () => markImage(img, page, terms, width), { once: true });
    img.src = URL.createObjectURL(await r.blob());
  } catch (e) { flash(e.message); }
}

// hits on the scan: the OCR line boxes (when the engine gave them) whose text holds a search term
function markImage(img, page, terms, originalWidth) {
  if (!page || !terms.length || !Array.isArray(page.lines)) return;
  // boxes are in the original page's pixels; page.width says how wide that was
  const pageW = page.width || originalWidth || img.naturalWidth;
  const f = img.clientWidth / pageW;
  for (const line of page.lines) {
    // a box as [x, y, w, h], as x/y/w/h, or as the corner lists xs/ys of PaddleOCR's lines
    const b = line.box || line.bbox || (Array.isArray(line.xs) && Array.isArray(line.ys)
      ? [Math.min(...line.xs), Math.min(...line.ys), Math.max(...line.xs) - Math.min(...line.xs), Math.max(...line.ys) - Math.min(...line.ys)]
      : [line.x, line.y, line.w ?? line.width, line.h ?? line.height]);
    if (!b || b.some((v) => typeof v !== 'number') || !terms.some((t) => String(line.text || '').includes(t))) continue;
    const d = document.createElement('div');
    d.className = 'hit';
    d.style.left = b[0] * f + 'px'; d.style.top = b[1] * f + 'px'; d.style.width = b[2] * f + 'px'; d.style.height = b[3] * f + 'px';
    img.parentElement.appendChild(d);
  }
}

// the classifier's reasons: [{field, value, method, score, evidence: [{text, note}]}], or anything else as JSON
function explainHtml(explain) {
  if (!explain) return '';
  if (!Array.isArray(explain)) return '<pre class="pagetext">' + esc(typeof explain === 'string' ? explain : JSON.stringify(explain, null, 1)) + '</pre>';
  return '<ul class="evidence">' + explain.map((e) => '<li><b>' + esc(FIELDS[e.field] || e.field) + '</b> → ' + esc(e.value)
    + ' <span class="meta">（' + esc(e.method || '') + (e.score != null ? '，' + esc(Number(e.score).toFixed(2)) : '') + '）</span>'
    + (e.evidence || []).map((v) => ' 「' + esc(v.text) + '」' + (v.note ? '<span class="meta">' + esc(v.note) + '</span>' : '')).join('')
    + '</li>').join('') + '</ul>';
}

function correctionForm(l) {
  const opts = Object.entries(FIELDS).map(([k, v]) => '<option value="' + k + '">' + v + '</option>').join('');
  return '<form id="correct-form" class="searchbar"><select id="correct-field" aria-label="更正项目">' + opts + '</select>'
    + '<input id="correct-value" placeholder="正确的值（多个用、分隔；被反映人：姓名 职务 单位 层级）" aria-label="正确的值"><button type="submit" id="correct-submit">更正</button></form>'
    + ((l.corrections || []).length ? '<p class="meta">已更正：' + l.corrections.map((c) => esc((FIELDS[c.field] || (c.field === 'transcript' ? '录入文字' : c.field)) + '（' + c.by + '，' + fmtDate(c.at) + '）')).join('；') + '</p>' : '');
}

function wireLetter(l, id) {
  $('correct-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const field = $('correct-field').value;
    let value = $('correct-value').value.trim();
    if (field === 'subjects') value = value.split(/[、,，;；\s]+/).filter(Boolean);
    if (field === 'in_scope') value = /^(是|true|属|属受理范围)$/.test(value);
    // targets: "姓名 职务 单位 层级；姓名 职务 …", one person per part
    if (field === 'targets') value = value.split(/[;；]/).map((p) => p.trim().split(/\s+/)).filter((p) => p[0])
      .map(([name, post, unit, level]) => ({ name, post: post || null, unit: unit || null, level: level || null }));
    try {
      await api('/api/letters/' + encodeURIComponent(id) + '/corrections', { method: 'POST', json: { field, value } });
      flash('已更正'); route();
    } catch (err) { flash(err.message); }
  });
  document.querySelectorAll('form.transcript').forEach((f) => f.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('/api/letters/' + encodeURIComponent(id) + '/pages/' + f.dataset.page + '/transcript', { method: 'POST', json: { text: f.text.value } });
      flash('已保存录入文字'); route();
    } catch (err) { flash(err.message); }
  }));
  const seal = $('seal');
  if (seal) seal.addEventListener('click', async () => {
    if (!confirm(l.sealed ? '确定解除封存？' : '封存后只有负责人可以检索和查看此信。确定封存？')) return;
    try { await api('/api/letters/' + encodeURIComponent(id) + '/seal', { method: 'POST', json: { sealed: !l.sealed } }); route(); } catch (err) { flash(err.message); }
  });
}

// ----------------------------------------------------------------- lead: audit

const ACTIONS = { login: '登录', logout: '退出', search: '检索', view: '查看来信', page_image: '查看扫描页', export: '导出', correction: '更正',
  transcript: '录入文字', seal: '封存', unseal: '解封', user_change: '用户变更', user_list: '查看用户', audit_read: '查看审计', upload: '上传', status: '查看收件' };

$('audit-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const p = new URLSearchParams({ view: 'audit' });
  setParam(p, 'user', $('audit-user').value.trim()); setParam(p, 'action', $('audit-action').value);
  go('/?' + p.toString());
});

async function showAudit(p) {
  show('audit');
  $('audit-user').value = p.get('user') || ''; $('audit-action').value = p.get('action') || '';
  const q = new URLSearchParams(); setParam(q, 'user', p.get('user')); setParam(q, 'action', p.get('action')); q.set('size', '300');
  const res = await api('/api/audit?' + q.toString());
  $('audit-table').innerHTML = '<tr><th>时间</th><th>用户</th><th>操作</th><th>结果</th><th>来源</th><th>检索词 / 来信</th><th>筛选</th><th>命中</th></tr>'
    + res.entries.map((a) => '<tr><td>' + esc(String(a.at).replace('T', ' ').slice(0, 19)) + '</td><td>' + esc(a.user) + '</td><td>' + esc(ACTIONS[a.action] || a.action)
      + '</td><td>' + esc(a.outcome) + '</td><td>' + esc(a.ip) + '</td><td>' + esc(a.query || (a.letterId ? a.letterId.slice(0, 12) + (a.page ? ' 第' + a.page + '页' : '') : a.detail || ''))
      + '</td><td>' + esc(a.filters ? JSON.stringify(a.filters) : '') + '</td><td>' + esc(a.hits ?? '') + '</td></tr>').join('');
}

// ----------------------------------------------------------------- admin: users

async function showUsers() {
  show('users');
  const res = await api('/api/users');
  $('users-table').innerHTML = '<tr><th>用户名</th><th>角色</th><th>状态</th><th>API令牌</th><th></th></tr>'
    + res.users.map((u) => '<tr><td>' + esc(u.name) + '</td><td>' + esc(u.roles.map(roleName).join('、')) + '</td><td>'
      + (u.locked ? '已锁定（来自 ' + esc((u.locked_from || []).join('、')) + '）' : '正常') + '</td><td>' + u.tokens + '</td><td>' + (u.locked ? '<button class="secondary unlock" data-name="' + esc(u.name) + '">解锁</button>' : '') + '</td></tr>').join('');
  document.querySelectorAll('button.unlock').forEach((b) => b.addEventListener('click', async () => {
    try { await api('/api/users', { method: 'POST', json: { op: 'unlock', name: b.dataset.name } }); showUsers(); } catch (err) { flash(err.message); }
  }));
}

$('user-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const roles = [...document.querySelectorAll('#user-form input[type=checkbox]:checked')].map((c) => c.value);
  try {
    await api('/api/users', { method: 'POST', json: { op: 'add', name: $('new-name').value.trim(), password: $('new-password').value, roles } });
    $('user-msg').textContent = '已新增'; $('new-password').value = ''; showUsers();
  } catch (err) { $('user-msg').textContent = err.message; }
});

// ----------------------------------------------------------------- mailroom

async function showMail() {
  show('mail');
  const s = await api('/api/status');
  $('status').innerHTML = '<div class="card"><p>待处理文件：<b>' + s.waiting + '</b></p><h2>处理失败</h2>'
    + (s.failed.length ? '<table class="grid"><tr><th>文件</th><th>原因</th></tr>' + s.failed.map((f) => '<tr><td>' + esc(f.file) + '</td><td>' + esc(f.reason) + '</td></tr>').join('') + '</table>' : '<p>无</p>') + '</div>';
}

$('upload-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const files = [...$('upload-file').files];
  let n = 0;
  for (const f of files) {
    try { await api('/api/upload?name=' + encodeURIComponent(f.name), { method: 'POST', body: f, headers: { 'Content-Type': 'application/octet-stream' } }); n++; }
    catch (err) { $('upload-msg').textContent = f.name + '：' + err.message; }
  }
  $('upload-msg').textContent = '已上传 ' + n + ' 个文件';
  showMail();
});

route();
