// FixFinder search page. Everything shown comes from crawled, untrusted content: it is only ever
// inserted as text (textContent), never as HTML, and links are limited to http(s).
(function () {
  'use strict';
  const { el, safeUrl, feedback } = window.FixFinderUi;
  const form = document.getElementById('search');
  const input = document.getElementById('q');
  const status = document.getElementById('status');
  const results = document.getElementById('results');
  const facets = document.getElementById('facets');
  const understood = document.getElementById('understood');
  const didYouMean = document.getElementById('didyoumean');
  const datalist = document.getElementById('suggestions');
  const issues = document.getElementById('issues');
  const others = document.getElementById('others');
  const noMatch = document.getElementById('nomatch');
  let kindFilter = '';
  let suggestTimer = null;

  async function suggest(q) {
    try {
      const res = await fetch('/api/suggest?' + new URLSearchParams({ q: q, size: '8' }).toString());
      if (!res.ok) return null;
      return await res.json();
    } catch (e) { return null; }
  }

  input.addEventListener('input', () => {
    clearTimeout(suggestTimer);
    const q = input.value.trim();
    if (q.length < 2) return;
    suggestTimer = setTimeout(async () => {
      const body = await suggest(q);
      if (!body) return;
      datalist.replaceChildren(...body.completions.map(c => el('option', { value: c.text })));
    }, 150);
  });

  async function renderDidYouMean(q) {
    didYouMean.hidden = true;
    didYouMean.replaceChildren();
    const body = await suggest(q);
    if (!body || !body.didYouMean) return;
    const a = el('a', { href: '/?q=' + encodeURIComponent(body.didYouMean) }, body.didYouMean);
    a.addEventListener('click', ev => { ev.preventDefault(); input.value = body.didYouMean; kindFilter = ''; run(); });
    didYouMean.appendChild(document.createTextNode('Did you mean '));
    didYouMean.appendChild(a);
    didYouMean.appendChild(document.createTextNode('?'));
    didYouMean.hidden = false;
  }





  function fmtDuration(s) {
    const m = Math.floor(s / 60), r = s % 60;
    return m + ':' + String(r).padStart(2, '0');
  }

  // A cue from the calibrated confidence (the chance a result is relevant), in words.
  function confidenceCue(c) {
    if (typeof c !== 'number' || c <= 0) return null;
    const word = c >= 0.6 ? 'strong match' : c >= 0.3 ? 'likely match' : 'weak match';
    return el('span', { class: 'cue cue-' + word.split(' ')[0], title: Math.round(c * 100) + '% likely to be relevant' }, word);
  }

  function renderHit(hit) {
    const li = el('li', { class: 'hit' });
    const h2 = el('h2');
    h2.appendChild(el('a', { href: safeUrl(hit.url), rel: 'noopener noreferrer nofollow' }, hit.title || hit.url));
    li.appendChild(h2);
    const meta = el('div', { class: 'meta' });
    meta.appendChild(el('span', { class: 'kind kind-' + hit.kind }, hit.kind));
    meta.appendChild(el('span', {}, hit.site));
    const p = hit.product || {};
    const product = [p.brand, p.model].filter(Boolean).join(' ');
    if (product) meta.appendChild(el('span', {}, product));
    if (hit.errorCodes && hit.errorCodes.length) meta.appendChild(el('span', {}, 'code ' + hit.errorCodes.join(', ')));
    if (hit.fixReported) meta.appendChild(el('span', { class: 'fixed' }, '✔ reports a fix'));
    const hitCue = confidenceCue(hit.confidence);
    if (hitCue) meta.appendChild(hitCue);
    const d = hit.details || {};
    if (d.form === 'thread' && d.acceptedAnswer) meta.appendChild(el('span', {}, 'accepted answer · ' + d.acceptedVotes + ' votes'));
    if (d.form === 'review' && d.rating) meta.appendChild(el('span', {}, d.rating + ' / ' + d.bestRating + ' stars on ' + hit.site));
    if (d.form === 'video' && d.durationSeconds) meta.appendChild(el('span', {}, fmtDuration(d.durationSeconds) + ' · ' + d.channel));
    if (d.form === 'manual-section' && d.page) meta.appendChild(el('span', {}, 'page ' + d.page));
    li.appendChild(meta);
    li.appendChild(el('p', { class: 'snippet' }, hit.snippet));
    li.appendChild(feedback('doc:' + hit.id));
    if (d.form === 'video' && d.chapters && d.chapters.length) {
      const extra = el('p', { class: 'extra' });
      d.chapters.slice(0, 6).forEach(c => extra.appendChild(el('a', { href: safeUrl(c.url), rel: 'noopener noreferrer nofollow' }, fmtDuration(c.startSeconds) + ' ' + c.title)));
      li.appendChild(extra);
    }
    return li;
  }



  const KIND_LABEL = { manual: 'Manual', video: 'Video', forum: 'Thread', review: 'Review', repair_report: 'Repair report', product: 'Product' };

  function renderIssue(group) {
    const issue = group.issue;
    const card = el('article', { class: 'issue' });
    const h2 = el('h2');
    h2.appendChild(el('a', { href: '/issue.html?id=' + encodeURIComponent(issue.id) }, issue.label || 'Issue'));
    card.appendChild(h2);
    const meta = el('div', { class: 'meta' });
    const s = issue.scope || {};
    const scope = [s.brand, s.model, s.type].filter(Boolean).join(' ');
    if (scope) meta.appendChild(el('span', {}, scope));
    (issue.errorCodes || []).forEach(c => meta.appendChild(el('span', {}, 'code ' + c)));
    meta.appendChild(el('span', {}, issue.size + ' reports'));
    const issueCue = confidenceCue(group.confidence);
    if (issueCue) meta.appendChild(issueCue);
    card.appendChild(meta);
    const o = issue.outcomes || {};
    const stats = [];
    if (o.reportedFixes) stats.push(o.reportedFixes + ' report a fix');
    const repairs = (o.repairsFixed || 0) + (o.repairsRepairable || 0) + (o.repairsEndOfLife || 0);
    if (repairs) stats.push('repair events: ' + Math.round(100 * o.repairsFixed / repairs) + '% fixed of ' + repairs);
    if (stats.length) card.appendChild(el('p', { class: 'stats' }, stats.join(' · ')));
    const best = el('ul', { class: 'best' });
    Object.entries(group.best || {}).forEach(([kind, hit]) => {
      const li = el('li');
      li.appendChild(el('span', { class: 'kind kind-' + kind }, KIND_LABEL[kind] || kind));
      li.appendChild(document.createTextNode(' '));
      li.appendChild(el('a', { href: safeUrl(hit.url), rel: 'noopener noreferrer nofollow' }, hit.title || hit.url));
      best.appendChild(li);
    });
    card.appendChild(best);
    card.appendChild(feedback('issue:' + issue.id));
    return card;
  }

  function renderUnderstood(i) {
    understood.replaceChildren();
    const parts = [];
    const p = i.product || {};
    if (p.type) parts.push(['product', p.type]);
    if (p.brand) parts.push(['brand', p.brand]);
    if (p.model) parts.push(['model', p.model]);
    (i.errorCodes || []).forEach(c => parts.push(['error code', c]));
    (i.symptoms || []).forEach(s => parts.push(['symptom', s]));
    understood.hidden = parts.length === 0;
    if (!parts.length) return;
    understood.appendChild(document.createTextNode('Understood: '));
    parts.forEach(([k, v], n) => {
      if (n) understood.appendChild(document.createTextNode(' · '));
      understood.appendChild(document.createTextNode(k + ' '));
      understood.appendChild(el('b', {}, v));
    });
  }

  // The honest reply when nothing answers: what was understood, what to try, who can help.
  function renderNoMatch(q, body) {
    noMatch.replaceChildren();
    const m = body.noMatch;
    noMatch.hidden = body.answered !== false || !m;
    if (noMatch.hidden) return;
    noMatch.appendChild(el('h2', {}, 'No good match for “' + q + '”'));
    const why = { 'unknown-words': 'None of our manuals, threads, videos or reviews use these words.',
      'product-type-absent': 'We have nothing about this kind of product yet.',
      'weak-match': 'What we found is only loosely related.' };
    noMatch.appendChild(el('p', {}, (why[m.reason] || '') + ' We understood: ' + m.understood + '.'));
    if (m.rephrase && m.rephrase.length) {
      const p = el('p', {}, 'Try: ');
      m.rephrase.forEach((r, n) => {
        if (n) p.appendChild(document.createTextNode(' · '));
        const a = el('a', { href: '/?q=' + encodeURIComponent(r) }, r);
        a.addEventListener('click', ev => { ev.preventDefault(); input.value = r; kindFilter = ''; run(); });
        p.appendChild(a);
      });
      noMatch.appendChild(p);
    }
    if (m.nearby && m.nearby.length) {
      noMatch.appendChild(el('p', {}, 'Products we have: ' + m.nearby.map(n => [n.brand, n.type].filter(Boolean).join(' ') + ' (' + n.records + ')').join(', ')));
    }
    // Hook: people who can help, once the helper directory exists (body.helpers).
    if (body.helpers && body.helpers.length) {
      noMatch.appendChild(el('p', {}, body.helpers.length + ' people nearby can help.'));
    } else if (m.helpersPending) {
      noMatch.appendChild(el('p', { class: 'muted' }, 'Soon: people near you who can help.'));
    }
  }

  function renderFacets(f) {
    facets.replaceChildren();
    const kinds = (f && f.kind) || {};
    const entries = Object.entries(kinds);
    facets.hidden = entries.length === 0;
    const all = el('button', { type: 'button', 'aria-pressed': String(kindFilter === '') }, 'All');
    all.addEventListener('click', () => { kindFilter = ''; run(); });
    facets.appendChild(all);
    entries.forEach(([k, n]) => {
      const b = el('button', { type: 'button', 'aria-pressed': String(kindFilter === k) }, k + ' (' + n + ')');
      b.addEventListener('click', () => { kindFilter = k; run(); });
      facets.appendChild(b);
    });
  }

  async function run() {
    const q = input.value.trim();
    if (!q) return;
    const params = new URLSearchParams({ q: q, size: '20' });
    if (kindFilter) params.set('kind', kindFilter);
    history.replaceState(null, '', '/?q=' + encodeURIComponent(q));
    status.textContent = 'Searching…';
    try {
      const res = await fetch('/api/search?' + params.toString(), { headers: { Accept: 'application/json' } });
      const body = await res.json();
      if (!res.ok) {
        status.textContent = body.detail || body.title || 'Search failed.';
        results.replaceChildren();
        return;
      }
      const timing = /dur=([0-9.]+)/.exec(res.headers.get('Server-Timing') || '');
      const answered = body.answered !== false;
      status.textContent = answered
        ? body.total + ' results' + (timing ? ' in ' + timing[1] + ' ms' : '')
        : 'No good match.';
      renderDidYouMean(q);
      renderUnderstood(body.interpretation || {});
      renderNoMatch(q, body);
      if (!kindFilter) renderFacets(answered ? body.facets : {});
      const groups = kindFilter || !answered ? [] : (body.issues || []);
      issues.replaceChildren(...groups.map(renderIssue));
      issues.hidden = groups.length === 0;
      const shown = new Set();
      groups.forEach(g => Object.values(g.best || {}).forEach(h => shown.add(h.id)));
      const rest = body.hits.filter(h => !shown.has(h.id));
      others.hidden = (answered && groups.length === 0) || rest.length === 0;
      others.textContent = answered ? 'Other results' : 'Nearest results (not a match)';
      results.replaceChildren(...rest.map(renderHit));
    } catch (e) {
      status.textContent = 'The search service is not reachable.';
    }
  }

  form.addEventListener('submit', ev => { ev.preventDefault(); kindFilter = ''; run(); });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) { input.value = initial; run(); }
})();
