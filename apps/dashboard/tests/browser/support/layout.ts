import type { Page } from 'playwright-core';

export interface LayoutFaults {
  height: number;
  /** Visible elements reaching past the viewport's left or right edge (outside any box that scrolls or clips them). */
  overflowing: string[];
  /** Text cut off by its own box (overflow hidden, no ellipsis, no scrolling). */
  clipped: string[];
  /** Pairs of text runs (HTML or chart SVG) drawn over one another. */
  overlapping: string[];
  /**
   * On a phone (under 1000 px), the design rather than the pixels: the header one row with its menu folded, one column
   * (no two wide boxes side by side), and no more than about three screens per ten rows of data.
   */
  phone: string[];
}

/** Reads the page's boxes as laid out at the current viewport, from the top of the page. */
export function layoutFaults(page: Page): Promise<LayoutFaults> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    // Nothing changes the page while it is read: one style per element, however many ancestors' walks ask for it.
    const styles = new Map<Element, CSSStyleDeclaration>();
    const styleOf = (e: Element) => {
      let s = styles.get(e);
      if (!s) styles.set(e, (s = getComputedStyle(e)));
      return s;
    };
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/).join('.')}` : ''} «${(e.textContent ?? '').trim().slice(0, 24)}»`;
    const shown = (e: Element) => {
      // SvelteKit's route announcer is for screen readers only, clipped to a pixel by design.
      if (
        e.closest(
          '.visually-hidden, #svelte-announcer, [hidden], dialog:not([open]), details:not([open]) > :not(summary)',
        )
      )
        return false;
      const s = styleOf(e);
      return s.visibility !== 'hidden' && s.display !== 'none' && e.getClientRects().length > 0;
    };
    const clipsX = (e: Element) => ['auto', 'scroll', 'hidden', 'clip'].includes(styleOf(e).overflowX);
    const insideClip = (e: Element) => {
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) if (clipsX(p)) return true;
      return false;
    };
    const floating = (e: Element) => {
      for (let p: Element | null = e; p; p = p.parentElement) {
        const s = styleOf(p);
        if (s.position === 'fixed' || (s.position === 'sticky' && s.bottom !== 'auto')) return true;
      }
      return false;
    };

    const all = [...document.body.querySelectorAll('*')].filter(shown);
    const overflowing = all
      .filter((e) => !insideClip(e))
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.right > width + 1 || r.left < -1);
      })
      .map(
        (e) =>
          `${name(e)} ${Math.round(e.getBoundingClientRect().left)}…${Math.round(e.getBoundingClientRect().right)}px`,
      );

    const clipped = all
      .filter((e) => {
        if (e instanceof SVGElement) return false;
        const s = styleOf(e);
        if (!['hidden', 'clip'].includes(s.overflowX) || s.textOverflow === 'ellipsis') return false;
        const hasText = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
        return hasText && e.scrollWidth > e.clientWidth + 1;
      })
      .map(name);

    // What a box that clips (a scrolling table, an ellipsis) leaves of a text run: the part a reader sees.
    const visiblePart = (el: Element, r: DOMRect): DOMRect | null => {
      let { left, top, right, bottom } = r;
      for (let p: Element | null = el; p && p !== document.body; p = p.parentElement) {
        const s = styleOf(p);
        if (p instanceof SVGElement || (s.overflowX === 'visible' && s.overflowY === 'visible')) continue;
        const c = p.getBoundingClientRect();
        left = Math.max(left, c.left);
        right = Math.min(right, c.right);
        top = Math.max(top, c.top);
        bottom = Math.min(bottom, c.bottom);
      }
      return right > left && bottom > top ? new DOMRect(left, top, right - left, bottom - top) : null;
    };
    // Text runs: each text node's own line boxes, so a wrapped paragraph counts line by line.
    const runs: { el: Element; rect: DOMRect }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (!n.textContent!.trim() || !shown(el) || floating(el) || el.closest('option, select, title, style, script'))
        continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const whole of range.getClientRects()) {
        const rect = visiblePart(el, whole);
        if (rect && rect.width > 1 && rect.height > 1) runs.push({ el, rect });
      }
    }
    const overlapping: string[] = [];
    for (let i = 0; i < runs.length; i++)
      for (let j = i + 1; j < runs.length; j++) {
        if (runs[i]!.el === runs[j]!.el) continue;
        const a = runs[i]!.rect;
        const b = runs[j]!.rect;
        const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        // More than a sliver: line boxes of adjacent lines may touch by a pixel or two.
        if (dx > 2 && dy > Math.min(a.height, b.height) * 0.3)
          overlapping.push(`${name(runs[i]!.el)} × ${name(runs[j]!.el)}`);
      }
    const phone: string[] = [];
    const height = document.documentElement.scrollHeight;
    if (width < 1000) {
      const header = document.querySelector('body > * header, header');
      const headerHeight = header ? header.getBoundingClientRect().height : 0;
      if (headerHeight > 80) phone.push(`header ${Math.round(headerHeight)}px tall (one row: at most 80px)`);
      const main = document.querySelector('main');
      // A table's cells sit side by side by nature; a wide table is judged by the overflow rules (it scrolls in its box).
      const boxes = main ? [main, ...main.querySelectorAll('*')].filter((e) => shown(e) && !e.closest('table')) : [];
      for (const box of boxes) {
        const kids = [...box.children].filter(shown).map((k) => ({ k, r: k.getBoundingClientRect() }));
        // A column is a block of content: a chip or a tab of one line beside another is a wrapped row, not a column.
        const wide = kids.filter(({ r }) => r.width >= width * 0.4 && r.height > 60);
        for (let i = 0; i + 1 < wide.length; i++) {
          const a = wide[i]!.r;
          const b = wide[i + 1]!.r;
          if (Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 10 && (a.right <= b.left || b.right <= a.left))
            phone.push(`two columns: ${name(wide[i]!.k)} | ${name(wide[i + 1]!.k)}`);
        }
      }
      // Rows of data: table rows, list items, a form's fields and a read-only form's terms.
      const rows = [
        ...document.querySelectorAll('main tbody tr, main li, main dt, main input, main select, main textarea'),
      ]
        .filter((e) => !(e instanceof HTMLInputElement && e.type === 'hidden'))
        .filter(shown).length;
      const budget = 3 * window.innerHeight * Math.max(1, rows / 10);
      if (height > budget) phone.push(`${height}px tall for ${rows} rows (budget ${Math.round(budget)}px)`);
    }
    return {
      height,
      overflowing,
      clipped,
      overlapping: overlapping.slice(0, 20),
      phone,
    };
  });
}
