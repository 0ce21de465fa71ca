// FixFinder pages work without this script; it only adds suggestions as you type to the search
// box, as a WAI-ARIA combobox (arrow keys, Enter, Escape). Suggestions are inserted as text only.
(function () {
  'use strict';
  const input = document.getElementById('q');
  if (!input || !window.fetch) return;
  const form = input.form;
  const list = document.createElement('ul');
  list.id = 'q-suggestions';
  list.className = 'suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Suggestions');
  list.hidden = true;
  form.appendChild(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  let active = -1;
  let timer = null;
  let asked = '';

  function options() { return Array.from(list.children); }

  function close() {
    list.hidden = true;
    list.replaceChildren();
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function highlight(n) {
    const all = options();
    if (!all.length) return;
    active = (n + all.length) % all.length;
    all.forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', all[active].id);
  }

  function choose(text) {
    input.value = text;
    close();
    form.submit();
  }

  function show(texts) {
    list.replaceChildren();
    active = -1;
    texts.forEach((text, i) => {
      const li = document.createElement('li');
      li.id = 'q-suggestion-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.textContent = text;
      // mousedown, not click: the input's blur would close the list before a click lands.
      li.addEventListener('mousedown', ev => { ev.preventDefault(); choose(text); });
      list.appendChild(li);
    });
    list.hidden = texts.length === 0;
    input.setAttribute('aria-expanded', String(texts.length > 0));
  }

  async function suggest(q) {
    asked = q;
    try {
      const res = await fetch('/api/suggest?' + new URLSearchParams({ q: q, size: '8' }).toString());
      if (!res.ok || asked !== q) return;
      const body = await res.json();
      if (asked === q && input.value.trim() === q) show((body.completions || []).map(c => c.text));
    } catch (e) {
      close(); // suggestions are a convenience: the search itself still works
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) { close(); return; }
    timer = setTimeout(() => suggest(q), 120);
  });

  input.addEventListener('keydown', ev => {
    if (list.hidden) return;
    if (ev.key === 'ArrowDown') { ev.preventDefault(); highlight(active + 1); }
    else if (ev.key === 'ArrowUp') { ev.preventDefault(); highlight(active - 1); }
    else if (ev.key === 'Escape') { ev.preventDefault(); close(); }
    else if (ev.key === 'Enter' && active >= 0) { ev.preventDefault(); choose(options()[active].textContent); }
  });

  input.addEventListener('blur', () => setTimeout(close, 0));
})();
