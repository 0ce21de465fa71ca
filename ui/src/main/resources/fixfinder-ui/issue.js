// FixFinder issue page: one issue cluster from /api/issues/{id}. Everything shown comes from
// crawled, untrusted content: only ever inserted as text (textContent), links limited to http(s).
(function () {
  'use strict';
  const { el, safeUrl, feedback } = window.FixFinderUi;
  const status = document.getElementById('status');
  const KIND_LABEL = { manual: 'Manual sections', video: 'Videos', forum: 'Threads', review: 'Reviews', repair_report: 'Repair reports', product: 'Product pages' };





  function pct(x) { return Math.round(100 * x) + '%'; }

  const FIXES_SHOWN = 3;

  // One fix: the remedy as its best source words it, the cause, steps, tools and parts, its
  // support in words, and every source linked at the exact place (page, answer, video moment).
  function fixItem(fix, index) {
    const li = el('li', { class: 'fix' });
    li.appendChild(el('p', { class: 'fix-text' }, fix.text));
    if (fix.cause) {
      const cause = el('p', { class: 'fix-cause' });
      cause.appendChild(el('b', {}, 'Cause: '));
      cause.appendChild(document.createTextNode(fix.cause));
      li.appendChild(cause);
    }
    const steps = fix.steps || [];
    if (steps.length) {
      const det = el('details', index === 0 ? { open: '' } : {});
      det.appendChild(el('summary', {}, steps.length + ' steps'));
      const ol = el('ol', { class: 'fix-steps' });
      steps.forEach(st => {
        const item = el('li');
        if (st.url) {
          item.appendChild(el('a', { href: safeUrl(st.url), rel: 'noopener noreferrer nofollow' }, st.title || 'Watch'));
          item.appendChild(document.createTextNode(' '));
        } else if (st.title) {
          item.appendChild(el('b', {}, st.title + ': '));
        }
        item.appendChild(document.createTextNode(st.text || ''));
        ol.appendChild(item);
      });
      det.appendChild(ol);
      li.appendChild(det);
    }
    [['Tools', fix.tools], ['Parts', fix.parts]].forEach(([name, items]) => {
      if (items && items.length) li.appendChild(el('p', { class: 'fix-items' }, name + ': ' + items.join(', ')));
    });
    const support = fix.support || {};
    if (support.summary) li.appendChild(el('p', { class: 'fix-support' }, support.summary));
    const ul = el('ul', { class: 'fix-sources' });
    (fix.sources || []).forEach(src => {
      const item = el('li');
      item.appendChild(el('a', { href: safeUrl(src.url), rel: 'noopener noreferrer nofollow' }, src.where || src.form));
      item.appendChild(document.createTextNode(' — ' + (src.title || src.site) + (src.site ? ' (' + src.site + ')' : '')));
      ul.appendChild(item);
    });
    const det = el('details', index === 0 ? { open: '' } : {});
    det.appendChild(el('summary', {}, 'Where it says so (' + (fix.sources || []).length + ')'));
    det.appendChild(ul);
    li.appendChild(det);
    return li;
  }

  function renderFixes(fixes) {
    if (!fixes || !fixes.length) return;
    const list = document.getElementById('fix-list');
    fixes.forEach((f, i) => {
      const li = fixItem(f, i);
      if (i >= FIXES_SHOWN) li.hidden = true;
      list.appendChild(li);
    });
    if (fixes.length > FIXES_SHOWN) {
      const more = document.getElementById('more-fixes');
      more.textContent = 'Show ' + (fixes.length - FIXES_SHOWN) + ' more fixes';
      more.hidden = false;
      more.addEventListener('click', () => {
        list.querySelectorAll('li.fix').forEach(li => { li.hidden = false; });
        more.hidden = true;
      });
    }
    document.getElementById('fixes').hidden = false;
  }



  function render(page) {
    const issue = page.issue;
    document.title = issue.label + ' — FixFinder';
    document.getElementById('label').textContent = issue.label;
    const meta = document.getElementById('meta');
    const s = issue.scope || {};
    [[s.brand, s.model].filter(Boolean).join(' '), s.type].filter(Boolean).forEach(t => meta.appendChild(el('span', {}, t)));
    (issue.errorCodes || []).forEach(c => meta.appendChild(el('span', {}, 'code ' + c)));
    meta.appendChild(el('span', {}, issue.size + ' reports'));
    const st = page.stats || {};
    const o = st.outcomes || {};
    const parts = [];
    if (o.reportedFixes) parts.push(o.reportedFixes + ' records report a fix');
    if (st.realWorldFixRate !== null && st.realWorldFixRate !== undefined) {
      const n = (o.repairsFixed || 0) + (o.repairsRepairable || 0) + (o.repairsEndOfLife || 0);
      parts.push('fixed at ' + pct(st.realWorldFixRate) + ' of ' + n + ' repair events');
    }
    if (st.feedbackFixRate !== null && st.feedbackFixRate !== undefined) parts.push(pct(st.feedbackFixRate) + ' of votes say it fixed it');
    document.getElementById('stats').textContent = parts.join(' · ');
    renderFixes(page.fixes);
    document.getElementById('vote').appendChild(feedback('issue:' + issue.id, 'Did this fix it for you?'));
    const records = document.getElementById('records');
    Object.entries(page.records || {}).forEach(([kind, group]) => {
      records.appendChild(el('h2', {}, (KIND_LABEL[kind] || kind) + ' (' + group.total + ')'));
      const ul = el('ul', { class: 'best' });
      group.shown.forEach(r => {
        const li = el('li');
        li.appendChild(el('a', { href: safeUrl(r.url), rel: 'noopener noreferrer nofollow' }, r.title || r.url));
        li.appendChild(document.createTextNode(' — ' + r.site + (r.fixReported ? ' · reports a fix' : '')));
        ul.appendChild(li);
      });
      records.appendChild(ul);
    });
    const people = (page.people && page.people.shown) || [];
    if (people.length) {
      const ul = document.getElementById('people-list');
      people.slice(0, 30).forEach(p => ul.appendChild(el('li', {}, [p.outcome, p.brand, p.category, p.year || '', p.country].filter(Boolean).join(' · ') + ': ' + p.problem)));
      document.getElementById('people').hidden = false;
    }
    const related = page.related || [];
    if (related.length) {
      const ul = document.getElementById('related-list');
      related.forEach(r => {
        const li = el('li');
        li.appendChild(el('a', { href: '/issue.html?id=' + encodeURIComponent(r.id) }, r.label));
        ul.appendChild(li);
      });
      document.getElementById('related').hidden = false;
    }
    document.getElementById('issue').hidden = false;
    status.textContent = '';
  }

  async function load() {
    const id = new URLSearchParams(location.search).get('id') || '';
    if (!/^[a-z0-9-]{1,64}$/.test(id)) { status.textContent = 'No issue given.'; return; }
    try {
      const res = await fetch('/api/issues/' + encodeURIComponent(id), { headers: { Accept: 'application/json' } });
      const body = await res.json();
      if (!res.ok) { status.textContent = body.detail || body.title || 'Not found.'; return; }
      render(body);
    } catch (e) { status.textContent = 'The service is not reachable.'; }
  }
  load();
})();
