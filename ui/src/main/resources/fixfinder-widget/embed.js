/*
 * FixFinder's embeddable search box. A company's help page adds one tag:
 *
 *   <script src="https://FIXFINDER/embed.js" data-key="pk_..." async></script>
 *
 * and gets a search box with suggestions and results as you type, inside a shadow root so that no
 * style leaks in or out. The key is sent in the X-Api-Key header (never in a URL); no cookie is set
 * or sent. Everything from the API is inserted as text. The box is a plain form on the full site,
 * so when the API cannot be reached (or scripts are blocked) the visitor still gets there.
 *
 * data-key         publishable key (pk_...), scoping results to the company's products
 * data-target      CSS selector of the element to render into (default: right after this tag)
 * data-api         base URL of the API (default: where this script came from)
 * data-placeholder text of the empty box; data-label its visible label
 * data-theme       "dark" for dark defaults; data-accent a CSS colour
 * Theming:         --ff-accent, --ff-text, --ff-muted, --ff-bg, --ff-border, --ff-radius, --ff-font
 * Event:           "fixfinder:results" on the box's element after each answer shown, with
 *                  detail {query, answered, results, ms} (ms: from the keystroke to the answer shown)
 */
(function () {
  'use strict';
  var script = document.currentScript ||
    document.querySelector('script[src$="/embed.js"]:not([data-ff-mounted])');
  if (!script || script.hasAttribute('data-ff-mounted') || !window.fetch ||
      !('attachShadow' in Element.prototype)) return;
  script.setAttribute('data-ff-mounted', '');
  // the target may come later in the page than this tag: mount once the document is parsed
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
  else mount();

  function mount() {
    var d = script.dataset;
    // the full site is where this script came from; the API may sit elsewhere (a proxy)
    var site = new URL(script.src, location.href).origin;
    var api = (d.api || site).replace(/\/+$/, '');
    var key = d.key || '';
    var TIMEOUT_MS = 5000;

    var STYLE = [
      // The page's rules reach the host element (they outrank :host) and what it inherits, so the
      // reset is on the wrapper inside: only custom properties (the theme) cross it.
      ':host{display:block}',
      '.w{all:initial;display:block;position:relative;font:16px/1.45 var(--ff-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);',
      'color:var(--ff-text,#1b1b1b);--a:var(--ff-accent,#0b57d0);--m:var(--ff-muted,#555);--b:var(--ff-border,#8a8a8a);--bg:var(--ff-bg,#fff);--r:var(--ff-radius,6px);background:var(--bg)}',
      ':host([data-theme=dark]) .w{color:var(--ff-text,#f1f1f1);--a:var(--ff-accent,#8ab4f8);--m:var(--ff-muted,#c4c4c4);--b:var(--ff-border,#9a9a9a);--bg:var(--ff-bg,#1e1e1e)}',
      ':where(.w *){box-sizing:border-box;font:inherit;color:inherit;letter-spacing:inherit;text-transform:none;margin:0;padding:0}',
      'label{display:block;font-weight:600;margin-bottom:.25em}',
      '.row{display:flex;gap:.5em}',
      'input{flex:1;min-width:0;padding:.5em .7em;border:1px solid var(--b);border-radius:var(--r);background:var(--bg)}',
      'button,.btn{cursor:pointer;padding:.5em .9em;border:1px solid var(--a);border-radius:var(--r);background:var(--a);color:var(--bg);text-decoration:none;display:inline-block}',
      'button.q{background:var(--bg);color:var(--a);padding:.2em .7em}',
      'button.q[aria-pressed=true]{background:var(--a);color:var(--bg)}',
      ':focus-visible{outline:3px solid var(--a);outline-offset:2px}',
      'ul{list-style:none}',
      '[role=listbox]{position:absolute;z-index:2;left:0;right:0;background:var(--bg);border:1px solid var(--b);border-radius:var(--r);margin-top:2px}',
      '[role=option]{padding:.4em .7em;cursor:pointer}',
      '[role=option][aria-selected=true]{background:var(--a);color:var(--bg)}',
      '.p{margin-top:.75em}',
      '.p>ul>li{border-top:1px solid var(--b);padding:.6em 0}',
      'a{color:var(--a)}',
      '.t{font-weight:600}',
      '.s,.n{color:var(--m);font-size:.875em}',
      '.fix{margin:.5em 0 0 1em}',
      '.fix ol{list-style:decimal;margin:.3em 0 .3em 1.4em}',
      '.votes{display:flex;flex-wrap:wrap;gap:.4em;align-items:center;margin-top:.4em}',
      '.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
      '[hidden]{display:none!important}'
    ].join('');

    // --- building blocks: every string from the API goes in as text ---
    function el(tag, attrs, kids) {
      var e = document.createElement(tag);
      for (var k in attrs || {}) {
        if (k === 'text') e.textContent = attrs[k];
        else if (attrs[k] !== null && attrs[k] !== undefined) e.setAttribute(k, attrs[k]);
      }
      (kids || []).forEach(function (c) { if (c) e.appendChild(c); });
      return e;
    }
    function siteUrl(path, q) {
      var u = new URL(site + path);
      if (q) u.searchParams.set('q', q);
      return u.href;
    }
    function call(method, path, body) {
      var ctl = window.AbortController ? new AbortController() : null;
      var timer = ctl && setTimeout(function () { ctl.abort(); }, TIMEOUT_MS);
      var headers = { Accept: 'application/json' };
      if (key) headers['X-Api-Key'] = key;
      if (body) headers['Content-Type'] = 'application/json';
      return fetch(api + path, {
        method: method, headers: headers, credentials: 'omit', mode: 'cors', referrerPolicy: 'origin',
        body: body ? JSON.stringify(body) : undefined, signal: ctl ? ctl.signal : undefined
      }).then(function (r) {
        clearTimeout(timer);
        return r.json().catch(function () { return {}; }).then(function (j) {
          if (!r.ok) {
            var err = new Error((j && j.title) || ('HTTP ' + r.status));
            err.status = r.status;
            err.retryAfter = parseInt(r.headers.get('Retry-After'), 10) || 1;
            throw err;
          }
          return j;
        });
      }, function (e) { clearTimeout(timer); throw e; });
    }

    // At most one request of each kind in flight: a keystroke during one is answered as soon as it
    // is back, with whatever the box holds then. Typing gets an answer per round trip, never a
    // queue of stale ones, and a fast typist sends a few requests, not one per key.
    function coalesced(send) {
      var busy = false;
      var next = null;
      function go(arg) {
        if (busy) { next = arg; return; }
        busy = true;
        send(arg).then(done, done);
      }
      function done() {
        busy = false;
        if (next !== null) { var a = next; next = null; go(a); }
      }
      return go;
    }

    // --- the box ---
    var host = d.target ? document.querySelector(d.target) : null;
    if (!host) {
      host = document.createElement('div');
      if (script.parentNode && script.parentNode !== document.head) script.parentNode.insertBefore(host, script.nextSibling);
      else document.body.appendChild(host);
    }
    if (d.theme === 'dark') host.setAttribute('data-theme', 'dark');
    if (d.accent && window.CSS && window.CSS.supports && window.CSS.supports('color', d.accent)) {
      host.style.setProperty('--ff-accent', d.accent);
    }
    host.classList.add('fixfinder-widget');
    var root = host.attachShadow({ mode: 'open' });
    if (root.adoptedStyleSheets !== undefined && window.CSSStyleSheet) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.appendChild(el('style', { text: STYLE }));
    }

    var input = el('input', {
      id: 'q', name: 'q', type: 'search', autocomplete: 'off', spellcheck: 'false', maxlength: '200',
      role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'sg',
      placeholder: d.placeholder || 'e.g. washing machine won\u2019t drain E18'
    });
    var list = el('ul', { id: 'sg', role: 'listbox', 'aria-label': 'Suggestions', hidden: '' });
    var status = el('p', { class: 'vh', role: 'status', 'aria-live': 'polite' });
    var panel = el('div', { class: 'p', hidden: '' });
    // a real form on the full site: Enter works even when the API or this script does not
    var form = el('form', { role: 'search', action: siteUrl('/'), method: 'get', target: '_blank' }, [
      el('label', { for: 'q', text: d.label || 'Search for a fix' }),
      el('div', { class: 'row' }, [input, el('button', { type: 'submit', text: 'Search' })]),
      list
    ]);
    root.appendChild(el('div', { class: 'w' }, [form, status, panel]));

    var seq = 0;
    var active = -1;
    var offline = false;

    function closeList() {
      list.hidden = true;
      list.replaceChildren();
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }
    function options() { return Array.prototype.slice.call(list.children); }
    function highlight(n) {
      var all = options();
      if (!all.length) return;
      active = (n + all.length) % all.length;
      all.forEach(function (o, i) { o.setAttribute('aria-selected', String(i === active)); });
      input.setAttribute('aria-activedescendant', all[active].id);
    }
    function showSuggestions(texts) {
      closeList();
      texts.slice(0, 6).forEach(function (t, i) {
        var o = el('li', { id: 'sg-' + i, role: 'option', 'aria-selected': 'false', text: t });
        o.addEventListener('mousedown', function (e) { e.preventDefault(); choose(t); });
        list.appendChild(o);
      });
      if (texts.length) {
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }
    }
    function choose(text) {
      input.value = text;
      closeList();
      run(text, false);
    }

    // --- results ---
    function fallback(q) {
      offline = true;
      panel.replaceChildren(el('p', {}, [
        el('a', { href: siteUrl('/', q), target: '_blank', rel: 'noopener', text: q ? 'Search FixFinder for \u201c' + q + '\u201d' : 'Search FixFinder' })
      ]));
      panel.hidden = false;
      status.textContent = 'Results could not be loaded here; a link to FixFinder is shown instead.';
    }

    // Each keystroke asks at once (no debounce: the answer is the point); only the answer to what
    // the box holds now is shown.
    var searchNow = coalesced(function (a) {
      return call('GET', '/api/search?size=5&q=' + encodeURIComponent(a.q)).then(function (r) {
        if (a.mine !== seq) return;
        offline = false;
        render(a.q, r);
        // for the embedding page (analytics, tests): what was shown and how long it took
        host.dispatchEvent(new CustomEvent('fixfinder:results', { detail: {
          query: a.q, answered: r.answered !== false, results: (r.issues || []).length || (r.hits || []).length,
          ms: Math.round(now() - a.started)
        } }));
      }, function (e) {
        if (a.mine !== seq) return;
        if (e && e.status === 400) { status.textContent = e.message; return; }
        if (e && e.status === 429) {
          // too fast for the rate limit: ask again when the server says, if nothing changed
          status.textContent = 'Busy; trying again in a moment.';
          setTimeout(function () { if (a.mine === seq) run(a.q, false); }, Math.min(e.retryAfter, 10) * 1000);
          return;
        }
        if (e && (e.status === 401 || e.status === 403) && window.console) console.warn('FixFinder: ' + e.message);
        fallback(a.q);
      });
    });
    var suggestNow = coalesced(function (a) {
      return call('GET', '/api/suggest?size=6&q=' + encodeURIComponent(a.q)).then(function (s) {
        if (a.mine !== seq || document.activeElement !== host) return;
        showSuggestions((s.completions || []).map(function (c) { return c.text; })
          .filter(function (t) { return t.toLowerCase() !== a.q.toLowerCase(); }));
      }, function () {});
    });
    function now() { return window.performance ? performance.now() : Date.now(); }

    function run(q, suggest) {
      var a = { q: q.trim(), mine: ++seq, started: now() };
      if (!a.q) { closeList(); panel.hidden = true; panel.replaceChildren(); status.textContent = ''; return; }
      if (suggest) suggestNow(a);
      searchNow(a);
    }

    function render(q, r) {
      var out = [];
      var issues = r.issues || [];
      var hits = r.hits || [];
      if (r.answered === false || (!issues.length && !hits.length)) {
        out.push(el('p', { text: 'No good match for \u201c' + q + '\u201d yet.' }));
        var helpers = (r.helpers || []).slice(0, 3);
        if (helpers.length) {
          out.push(el('p', { class: 't', text: 'People who can help' }));
          out.push(el('ul', {}, helpers.map(function (h) {
            var why = (h.why || [])[0];
            return el('li', {}, [
              el('a', { href: siteUrl('/helper/' + encodeURIComponent(h.id)), target: '_blank', rel: 'noopener', text: h.displayName }),
              why ? el('span', { class: 'n', text: ' \u2013 ' + why.text }) : null
            ]);
          })));
        }
      } else {
        var items = issues.slice(0, 3).map(issueItem);
        hits.filter(function (h) { return !h.issue || !issues.some(function (g) { return g.issue.id === h.issue; }); })
          .slice(0, 5 - items.length).forEach(function (h) {
            items.push(el('li', {}, [
              el('a', { class: 't', href: h.url, target: '_blank', rel: 'noopener', text: h.title || h.url }),
              el('div', { class: 's', text: [h.siteName || h.site, h.kind].filter(Boolean).join(' \u00b7 ') })
            ]));
          });
        out.push(el('ul', { 'aria-label': 'Results' }, items));
      }
      out.push(el('p', { class: 'n' }, [
        el('a', { href: siteUrl('/', q), target: '_blank', rel: 'noopener', text: 'All results on FixFinder' })
      ]));
      panel.replaceChildren.apply(panel, out);
      panel.hidden = false;
      var n = issues.length || hits.length;
      status.textContent = r.answered === false ? 'No good match.' : n + (n === 1 ? ' result.' : ' results.');
    }

    function issueItem(g) {
      var iss = g.issue;
      var fix = el('div', { class: 'fix', id: 'fx-' + iss.id, hidden: '' });
      var toggle = el('button', { type: 'button', class: 'q', 'aria-expanded': 'false', 'aria-controls': fix.id, text: 'How to fix it' });
      toggle.addEventListener('click', function () {
        var open = toggle.getAttribute('aria-expanded') !== 'true';
        toggle.setAttribute('aria-expanded', String(open));
        fix.hidden = !open;
        if (open && !fix.firstChild) loadFix(iss, fix);
      });
      var sure = g.confidence >= 0.6 ? 'Likely match' : 'Possible match';
      return el('li', {}, [
        el('a', { class: 't', href: siteUrl('/issue/' + encodeURIComponent(iss.id)), target: '_blank', rel: 'noopener', text: iss.label }),
        el('div', { class: 's', text: sure + ' \u00b7 ' + iss.size + (iss.size === 1 ? ' report' : ' reports') }),
        el('div', { class: 'votes' }, [toggle]),
        fix
      ]);
    }

    function loadFix(iss, box) {
      box.replaceChildren(el('p', { class: 'n', text: 'Loading\u2026' }));
      call('GET', '/api/issues/' + encodeURIComponent(iss.id)).then(function (r) {
        var f = (r.fixes || [])[0];
        var kids = [];
        if (!f) {
          kids.push(el('p', { text: 'No fix has been written down for this yet.' }));
        } else {
          if (f.cause) kids.push(el('p', {}, [el('span', { class: 't', text: 'Cause: ' }), document.createTextNode(f.cause)]));
          if (f.text) kids.push(el('p', { text: f.text }));
          if ((f.steps || []).length) {
            kids.push(el('ol', {}, f.steps.slice(0, 8).map(function (s) {
              return el('li', {}, [el('span', { class: 't', text: s.title ? s.title + ': ' : '' }), document.createTextNode(s.text || '')]);
            })));
          }
        }
        kids.push(votes('issue:' + iss.id));
        box.replaceChildren.apply(box, kids);
      }, function () {
        box.replaceChildren(el('p', {}, [el('a', { href: siteUrl('/issue/' + encodeURIComponent(iss.id)), target: '_blank', rel: 'noopener', text: 'Read how to fix it on FixFinder' })]));
      });
    }

    function votes(item) {
      var said = el('span', { class: 'n', role: 'status' });
      var answers = [['yes', 'Yes'], ['partly', 'Partly'], ['no', 'No']];
      var buttons = answers.map(function (a) {
        var b = el('button', { type: 'button', class: 'q', 'aria-pressed': 'false', text: a[1] });
        b.addEventListener('click', function () {
          call('POST', '/api/feedback', { item: item, answer: a[0] }).then(function (r) {
            buttons.forEach(function (x, i) { x.setAttribute('aria-pressed', String(answers[i][0] === r.yourAnswer)); });
            var total = (r.yes || 0) + (r.no || 0) + (r.partly || 0);
            said.textContent = 'Thank you. ' + (r.yes || 0) + ' of ' + total + (total === 1 ? ' person says' : ' people say') + ' it fixed it.';
          }, function () { said.textContent = 'Your answer could not be saved.'; });
        });
        return b;
      });
      return el('div', { class: 'votes', role: 'group', 'aria-label': 'Did this fix it?' },
        [el('span', { text: 'Did this fix it?' })].concat(buttons, [said]));
    }

    // --- keyboard and events (WAI-ARIA combobox with a listbox popup) ---
    input.addEventListener('input', function () { run(input.value, true); });
    input.addEventListener('keydown', function (e) {
      var open = !list.hidden;
      if (e.key === 'ArrowDown') { e.preventDefault(); if (open) highlight(active + 1); else run(input.value, true); }
      else if (e.key === 'ArrowUp' && open) { e.preventDefault(); highlight(active - 1); }
      else if (e.key === 'Escape') { if (open) { e.preventDefault(); closeList(); } else if (input.value) { e.preventDefault(); input.value = ''; run('', false); } }
      else if (e.key === 'Enter' && open && active >= 0) { e.preventDefault(); choose(options()[active].textContent); }
    });
    input.addEventListener('blur', function () { setTimeout(closeList, 0); });
    form.addEventListener('submit', function (e) {
      // with the API reachable, results show here; without it the form goes to the full site
      if (offline || !input.value.trim()) return;
      e.preventDefault();
      closeList();
      run(input.value, false);
    });
  }
})();
