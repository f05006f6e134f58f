/**
 * A focus handler that scrolls the focused element clear of a sticky bar at the bottom of the screen (WCAG 2.2
 * 2.4.11). scroll-padding covers most fields; a textarea scrolls only its caret into view, so it needs this.
 */
export function keepClearOf(barSelector: string, gap = 8) {
  return (event: FocusEvent) => {
    const target = event.target;
    const bar = document.querySelector(barSelector);
    if (!(target instanceof HTMLElement) || !bar || bar.contains(target)) return;
    const r = target.getBoundingClientRect();
    const over = r.bottom - bar.getBoundingClientRect().top + gap;
    // Never push the element's top off the screen for it: a field taller than the space left stays top-aligned.
    if (over > 0) window.scrollBy(0, Math.min(over, Math.max(0, r.top - gap)));
  };
}
