// The catalogue site's one script (tools/catalog-site.ts publishes it as docs/site/site.js). Plain
// browser JavaScript, no framework, no request but results.json (the upgrade view). The index:
// search, filters and order, all kept in the URL's hash so that a view can be shared; the
// difference panel a cell opens. The upgrade view: the differences between two targets, computed
// from results.json (its schema: docs/results-schema.md), ranked by its own severity table.
(function () {
  'use strict';
  var page = document.body.getAttribute('data-page');

  function readHash() {
    return new URLSearchParams(location.hash.replace(/^#/, ''));
  }
  function writeHash(p) {
    var s = p.toString();
    history.replaceState(null, '', s ? '#' + s : location.pathname + location.search);
  }
  function el(id) { return document.getElementById(id); }

  // ---- the difference panel (index) ----
  function panel() {
    var box = el('panel');
    if (!box) return;
    var body = el('panel-body');
    var current = null;
    var pinned = false;
    // A tap, a click or Enter pins the panel (until × or Escape); pointing at a cell shows it while the pointer stays.
    function open(td, pin) {
      var pop = td.querySelector('.pop');
      if (!pop) return;
      current = td;
      pinned = pin;
      body.innerHTML = pop.innerHTML;
      box.hidden = false;
    }
    function close() { box.hidden = true; current = null; pinned = false; }
    el('panel-close').addEventListener('click', close);
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') close();
      if ((e.key === 'Enter' || e.key === ' ') && e.target.classList && e.target.classList.contains('has-d')) { e.preventDefault(); open(e.target, true); }
    });
    document.addEventListener('click', function (e) {
      var td = e.target.closest && e.target.closest('td.has-d');
      if (td) open(td, true);
    });
    if (window.matchMedia && window.matchMedia('(hover: hover)').matches) {
      document.addEventListener('mouseover', function (e) {
        var td = e.target.closest && e.target.closest('td.has-d');
        if (td && td !== current && !pinned) open(td, false);
      });
      document.addEventListener('mouseout', function (e) {
        var td = e.target.closest && e.target.closest('td.has-d');
        if (td && td === current && !pinned && !td.contains(e.relatedTarget)) close();
      });
    }
  }

  // ---- the index ----
  function index() {
    var tbody = document.querySelector('#claims tbody');
    var rows = Array.prototype.slice.call(tbody.rows);
    var texts = rows.map(function (tr) { return (tr.id + ' ' + tr.cells[0].textContent).toLowerCase(); });
    var c = { q: el('q'), topic: el('topic'), stdio: el('stdio'), sev: el('sev'), order: el('order'), differs: el('differs'), fromnode: el('fromnode') };
    var defaults = { q: '', topic: 'all', stdio: 'all', sev: 'all', order: 'topic' };
    function has(select, v) {
      return Array.prototype.some.call(select.options, function (o) { return o.value === v; });
    }
    function fromHash() {
      var p = readHash();
      c.q.value = p.get('q') || '';
      ['topic', 'stdio', 'sev', 'order'].forEach(function (k) {
        var v = p.get(k);
        c[k].value = v && has(c[k], v) ? v : defaults[k];
      });
      c.differs.checked = p.get('differs') === '1';
      c.fromnode.checked = p.get('fromnode') === '1';
    }
    function state() {
      var p = new URLSearchParams();
      if (c.q.value.trim()) p.set('q', c.q.value.trim());
      ['topic', 'stdio', 'sev', 'order'].forEach(function (k) { if (c[k].value !== defaults[k]) p.set(k, c[k].value); });
      if (c.differs.checked) p.set('differs', '1');
      if (c.fromnode.checked) p.set('fromnode', '1');
      return p;
    }
    function apply() {
      var words = c.q.value.toLowerCase().split(/\s+/).filter(Boolean);
      var sevOpt = c.sev.options[c.sev.selectedIndex];
      var level = c.sev.value === 'all' ? 0 : Number(sevOpt.getAttribute('data-level'));
      var shown = 0;
      rows.forEach(function (tr, i) {
        var ok = (c.topic.value === 'all' || tr.getAttribute('data-topic') === c.topic.value) &&
          (c.stdio.value === 'all' || tr.getAttribute('data-stdio') === c.stdio.value) &&
          (!c.differs.checked || tr.getAttribute('data-differs') === 'yes') &&
          (!c.fromnode.checked || tr.getAttribute('data-fromnode') === 'yes') &&
          (!level || Number(tr.getAttribute('data-sev')) >= level) &&
          words.every(function (w) { return texts[i].indexOf(w) >= 0; });
        tr.hidden = !ok;
        if (ok) shown++;
      });
      var order = rows.map(function (tr, i) { return i; });
      if (c.order.value === 'severity') {
        order.sort(function (a, b) { return Number(rows[b].getAttribute('data-sev')) - Number(rows[a].getAttribute('data-sev')) || a - b; });
      }
      order.forEach(function (i) { tbody.appendChild(rows[i]); });
      el('count').textContent = shown + ' of ' + rows.length + ' claims';
      el('empty').hidden = shown > 0;
      var p = state();
      writeHash(p);
      el('share').href = '#' + p.toString();
    }
    fromHash();
    ['topic', 'stdio', 'sev', 'order', 'differs', 'fromnode'].forEach(function (k) { c[k].addEventListener('change', apply); });
    c.q.addEventListener('input', apply);
    window.addEventListener('hashchange', function () { fromHash(); apply(); });
    apply();
    panel();
  }

  // ---- the upgrade view ----
  function lines(v) {
    if (v === null) return ['(not observable here)'];
    if (Array.isArray(v)) return v.map(String);
    if (typeof v === 'string') return v === '' ? [] : v.replace(/\n$/, '').split('\n');
    return [String(v)];
  }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (ch) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[ch]; });
  }
  /** A field's two values from their first differing line to their last (the common lines counted). */
  function diffHtml(field, a, b, level, words) {
    var head = '<div class="fd"><div class="fh"><b>' + esc(field) + '</b> <span class="sev s' + level + '">' + esc(words[level]) + '</span></div>';
    var oneLine = function (v) { return !Array.isArray(v) && (typeof v !== 'string' || (v !== '' && v.indexOf('\n') < 0)); };
    if (oneLine(a) && oneLine(b)) return head + '<div><span class="rm">' + esc(lines(a).join(' ')) + '</span> → <span class="ad">' + esc(lines(b).join(' ')) + '</span></div></div>';
    var x = lines(a), y = lines(b), i = 0, j = 0;
    while (i < x.length && i < y.length && x[i] === y[i]) i++;
    while (j < x.length - i && j < y.length - i && x[x.length - 1 - j] === y[y.length - 1 - j]) j++;
    var out = [];
    if (i) out.push('<span class="ctx">… ' + i + ' line' + (i === 1 ? '' : 's') + ' the same</span>');
    x.slice(i, x.length - j).forEach(function (l) { out.push('<span class="rm">- ' + esc(l) + '</span>'); });
    if (x.length - j <= i) out.push('<span class="ctx">(before: nothing here)</span>');
    y.slice(i, y.length - j).forEach(function (l) { out.push('<span class="ad">+ ' + esc(l) + '</span>'); });
    if (y.length - j <= i) out.push('<span class="ctx">(after: nothing here)</span>');
    if (j) out.push('<span class="ctx">… ' + j + ' line' + (j === 1 ? '' : 's') + ' the same</span>');
    return head + '<pre class="diff">' + out.join('') + '</pre></div>';
  }
  /** Every row that behaves otherwise on `to` than on `from`, with its fields and severity, most consequential first. */
  function compare(data, from, to) {
    var fields = data.severity.fields;
    var out = [];
    Object.keys(data.rows).forEach(function (key) {
      var r = data.rows[key];
      var a = r.at[from], b = r.at[to];
      if (typeof a !== 'number' || typeof b !== 'number' || a === b) return;
      var ba = r.behaviours[a], bb = r.behaviours[b];
      // The fields that differ, most consequential first.
      var diff = Object.keys(fields).filter(function (f) { return JSON.stringify(ba[f]) !== JSON.stringify(bb[f]); })
        .sort(function (x, y) { return fields[y] - fields[x] || (x < y ? -1 : 1); });
      if (!diff.length) return;
      var level = Math.max.apply(null, diff.map(function (f) { return fields[f]; }));
      out.push({ key: key, row: r, diff: diff, level: level, before: ba, after: bb });
    });
    out.sort(function (x, y) { return y.level - x.level || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0); });
    return out;
  }
  /** The rows that apply on one of the two targets only (the other "n.a."). */
  function oneSided(data, from, to) {
    return Object.keys(data.rows).filter(function (key) {
      var a = data.rows[key].at[from], b = data.rows[key].at[to];
      return (a === 'n.a.' && typeof b === 'number') || (b === 'n.a.' && typeof a === 'number');
    }).sort();
  }
  function upgrade() {
    var from = el('from'), to = el('to'), min = el('min'), count = el('ucount'), list = el('upgrade');
    var data = null;
    function has(select, v) { return Array.prototype.some.call(select.options, function (o) { return o.value === v; }); }
    var p = readHash();
    if (p.get('from') && has(from, p.get('from'))) from.value = p.get('from');
    if (p.get('to') && has(to, p.get('to'))) to.value = p.get('to');
    if (p.get('min') && has(min, p.get('min'))) min.value = p.get('min');
    function render() {
      var q = new URLSearchParams();
      q.set('from', from.value);
      q.set('to', to.value);
      if (min.value !== '1') q.set('min', min.value);
      writeHash(q);
      if (!data) return;
      if (from.value === to.value) {
        count.textContent = 'Pick two different targets.';
        list.innerHTML = '';
        el('uonly').innerHTML = '';
        return;
      }
      var words = data.severity.words;
      var all = compare(data, from.value, to.value);
      var shown = all.filter(function (d) { return d.level >= Number(min.value); });
      var per = {};
      all.forEach(function (d) { per[d.level] = (per[d.level] || 0) + 1; });
      var levels = Object.keys(words).map(Number).filter(function (l) { return l > 0; }).sort(function (a, b) { return b - a; });
      count.textContent = all.length + ' claim' + (all.length === 1 ? '' : 's') + ' behave otherwise from ' + from.value + ' to ' + to.value + ' (' +
        levels.map(function (l) { return (per[l] || 0) + ' ' + words[l]; }).join(', ') + ')' + (shown.length < all.length ? '; ' + shown.length + ' shown' : '');
      var only = oneSided(data, from.value, to.value);
      el('uonly').innerHTML = only.length ? '<details><summary>' + only.length + ' claim' + (only.length === 1 ? ' applies' : 's apply') + ' on one of the two only</summary><ul>' +
        only.map(function (key) { var r = data.rows[key]; return '<li data-key="' + esc(key) + '"><a href="' + esc(r.page) + '">' + esc(r.claim.replace(/`/g, '')) + '</a> <span class="id">' + esc(key) + '; n.a. on ' + esc(r.at[from.value] === 'n.a.' ? from.value : to.value) + '</span></li>'; }).join('') + '</ul></details>' : '';
      list.innerHTML = shown.map(function (d) {
        return '<div class="uitem" data-key="' + esc(d.key) + '" data-level="' + d.level + '"><span class="sev s' + d.level + '">' + esc(words[d.level]) + '</span> <a href="' + esc(d.row.page) + '">' + esc(d.row.claim.replace(/`/g, '')) + '</a> <span class="id">' + esc(d.key) + '</span>' +
          '<details><summary>What differs (' + esc(d.diff.join(', ')) + ')</summary>' +
          d.diff.map(function (f) { return diffHtml(f, d.before[f], d.after[f], data.severity.fields[f], words); }).join('') + '</details></div>';
      }).join('') || '<p>No claim behaves otherwise at this severity.</p>';
    }
    [from, to, min].forEach(function (s) { s.addEventListener('change', render); });
    render();
    fetch('results.json').then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    }).then(function (d) {
      if (d.schema !== 1) throw new Error('results.json has schema ' + d.schema + '; this page reads schema 1');
      data = d;
      render();
    }).catch(function (e) {
      count.textContent = 'Could not read results.json (' + e.message + '). Serve the site over HTTP (a browser does not let a page read files from file://).';
    });
  }

  if (page === 'index') index();
  if (page === 'upgrade') upgrade();
})();
