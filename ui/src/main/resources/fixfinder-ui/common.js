// Shared by FixFinder's pages. Everything shown comes from crawled, untrusted content: it is only
// ever inserted as text (textContent), never as HTML, and links are limited to http(s).
(function () {
  'use strict';

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function safeUrl(u) {
    try {
      const url = new URL(u, location.href);
      return (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : '#';
    } catch (e) { return '#'; }
  }

  // "Did this fix it?": one vote per item and day; the server keeps the latest answer of the day.
  function feedback(item, prompt) {
    const box = el('div', { class: 'feedback' });
    box.appendChild(el('span', {}, prompt || 'Did this fix it?'));
    const note = el('span', { class: 'note', 'aria-live': 'polite' });
    const buttons = [['yes', 'Yes'], ['partly', 'Partly'], ['no', 'No']].map(([answer, label]) => {
      const b = el('button', { type: 'button', 'aria-pressed': 'false', 'data-answer': answer }, label);
      b.addEventListener('click', async () => {
        try {
          const res = await fetch('/api/feedback', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify({ item: item, answer: answer })
          });
          const body = await res.json();
          if (!res.ok) { note.textContent = body.detail || body.title || 'Not recorded.'; return; }
          buttons.forEach(x => x.setAttribute('aria-pressed', String(x === b)));
          note.textContent = 'Thanks: ' + body.yes + ' yes · ' + body.partly + ' partly · ' + body.no + ' no';
        } catch (e) { note.textContent = 'Not recorded: the service is not reachable.'; }
      });
      return b;
    });
    buttons.forEach(b => box.appendChild(b));
    box.appendChild(note);
    return box;
  }

  window.FixFinderUi = Object.freeze({ el: el, safeUrl: safeUrl, feedback: feedback });
})();
