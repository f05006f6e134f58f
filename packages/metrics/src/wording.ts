// Sentences say "below": figures are truncated, never rounded up onto the threshold they fall short of.
function truncate(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.floor(value * factor + 1e-9) / factor;
}

/** 0.821 → '82.1%', 1 → '100%'. */
export function percentText(share: number): string {
  return `${truncate(share * 100, 1).toFixed(1).replace(/\.0$/, '')}%`;
}

/** 72.46 → '72.4'. */
export function scoreText(score: number): string {
  return truncate(score, 1).toFixed(1);
}

/** Month and day when the year is the one in context, else the full date. */
export function shortDate(date: string, contextYear: string): string {
  return date.slice(0, 4) === contextYear ? date.slice(5) : date;
}
