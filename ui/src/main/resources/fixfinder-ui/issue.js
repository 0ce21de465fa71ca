// FixFinder issue page: one issue cluster from /api/issues/{id}. Everything shown comes from
// crawled, untrusted content: only ever inserted as text (textContent), links limited to http(s).
(function () {
  'use strict';
  const { el, safeUrl, feedback } = window.FixFinderUi;
  const status = document.getElementById('status');
  const KIND_LABEL = { manual: 'Manual sections', video: 'Videos', forum: 'Threads', review: 'Reviews', repair_report: 'Repair reports', product: 'Product pages' };





  function pct(x) { return Math.round(100 * x) + '%'; }



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
