// "Searched before?" on the request form: as the lead writes the question, asks the portal for the
// published summaries most like it and shows them in the live region under the question. Without
// this script the "Check for summaries" button does the same by posting the form.
const box = document.getElementById('similar-summaries');
const form = box?.closest('form');
const question = form?.querySelector('[name="Question"]');
const results = document.getElementById('similar-summaries-results');

if (box && question && results) {
  const url = box.dataset.similarUrl;
  const minWords = Number(box.dataset.similarMinWords) || 4;
  const count = box.dataset.similarCount || '5';
  const hint = 'If one of these answers your question, you may not need a new search. Each opens in a new tab, so what you have typed here is kept.';
  let timer;
  let controller;
  let shown = null; // the hits last shown, so the live region only speaks when they change

  const words = text => text.split(/\s+/).filter(w => w.length > 0).length;

  const element = (name, attributes = {}, text) => {
    const node = document.createElement(name);
    for (const [key, value] of Object.entries(attributes)) {
      node.setAttribute(key, value);
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  };

  const show = hits => {
    const key = hits.map(h => h.id).join(' ');
    if (key === shown) {
      return;
    }
    shown = key;
    results.replaceChildren();
    if (hits.length === 0) {
      return;
    }
    const inset = element('div', { class: 'nhsuk-inset-text app-similar__found' });
    inset.append(
      element('span', { class: 'nhsuk-u-visually-hidden' }, 'Information: '),
      element('h3', { class: 'nhsuk-heading-s' }, 'Summaries that may already answer this'),
      element('p', {}, hint));
    const list = element('ul', { class: 'nhsuk-list nhsuk-list--bullet' });
    for (const hit of hits) {
      const item = element('li');
      // Only the portal's own addresses: the text and the link come from the server, but a link is never taken on trust.
      if (typeof hit.url === 'string' && hit.url.startsWith('/') && !hit.url.startsWith('//')) {
        item.append(element('a', { href: hit.url, target: '_blank', rel: 'noopener', 'data-summary': hit.id }, `${hit.title} (opens in a new tab)`));
        list.append(item);
      }
    }
    inset.append(list);
    results.append(inset);
  };

  const ask = async () => {
    const text = question.value.trim();
    if (words(text) < minWords) {
      return;
    }
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(`${url}?text=${encodeURIComponent(text.slice(0, 4000))}&count=${count}`, {
        headers: { Accept: 'application/json' },
        signal: controller.signal,
      });
      if (response.ok) {
        show((await response.json()).hits ?? []);
      }
      // A rebuild (503) or anything else: keep what is shown; the button still works.
    } catch (error) {
      // Aborted by a newer question, or the network failed: keep what is shown; the button still works.
      if (error.name !== 'AbortError') {
        console.warn('Similar summaries could not be fetched.', error);
      }
    }
  };

  question.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 600);
  });
}
