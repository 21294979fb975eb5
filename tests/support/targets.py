"""Every control a reader taps at 360 px, with its size on the screen (tests/site/test_targets.py)."""

#: Run in the page: the visible links, buttons, labels and fields, each with its box and whether it sits in a sentence.
TARGETS = r"""
() => {
  const sel = 'a[href], button, label[for], input:not([type=hidden]), select, summary, [role=button], [tabindex="0"]';
  const visible = (el) => { const r = el.getBoundingClientRect(); const cs = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && r.bottom > 0 && r.right > 0 && r.left < innerWidth
           && el.closest('[hidden], .md-sidebar--secondary') === null && parseFloat(cs.opacity) > 0; };
  const inline = (el) => { if (el.tagName !== 'A') return false;
    const block = el.closest('p, li, td, th, dd, dt, blockquote, figcaption, .admonition, details, summary');
    if (!block) return false;
    const own = el.innerText.trim(); const all = block.innerText.replace(/\s+/g, ' ').trim();
    return all.length > own.length + 2; };
  return [...document.querySelectorAll(sel)].filter(visible).map((el) => {
    const r = el.getBoundingClientRect();
    const cls = typeof el.className === 'string' ? el.className : '';
    return {tag: el.tagName.toLowerCase(), cls: cls.slice(0, 50),
            text: (el.innerText || el.getAttribute('aria-label') || el.title || '').trim().replace(/\s+/g, ' ').slice(0, 30),
            w: Math.round(r.width * 10) / 10, h: Math.round(r.height * 10) / 10, inline: inline(el),
            inLabel: el.closest('label') !== null && el.closest('label').getBoundingClientRect().height >= 44,
            primary: Boolean(window.__primary) && el.matches(window.__primary),
            where: (el.closest('header, nav, footer, article, .md-search, .md-sidebar') || {}).className || ''};
  });
}
"""
