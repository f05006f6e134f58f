// Figures are truncated, never rounded up, like the API's own sentences ("82.1%，低于…100%"), so a page and a
// reason never disagree on the same number.
function truncate(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.floor(value * factor + 1e-9) / factor;
}

const dash = '—';

/** 0.8219 → '82.1%'; 1 → '100%'; null → '—'. */
export function percent(share: number | null | undefined): string {
  if (share == null || !Number.isFinite(share)) return dash;
  return `${truncate(share * 100, 1).toFixed(1).replace(/\.0$/, '')}%`;
}

/** 72.46 → '72.4'. */
export function scoreText(score: number | null | undefined): string {
  return score == null ? dash : truncate(score, 1).toFixed(1);
}

const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** 1234567.891 → '1,234,567.89'. */
export function amount(value: number | null | undefined): string {
  return value == null ? dash : grouped.format(truncate(value, 2));
}

/** A figure of an indicator in the unit its kind implies. */
export function figure(value: number | null | undefined, kind: string): string {
  if (value == null) return dash;
  if (kind === 'ratio') return percent(value);
  if (kind === 'bool') return value >= 1 ? '是' : '否';
  if (kind === 'days') return truncate(value, 1).toFixed(1);
  return amount(value);
}

/** '2021-10-31' → '2021年10月31日'. */
export function dateText(day: string | null | undefined): string {
  if (!day) return dash;
  const [y, m, d] = day.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** '2021-10' → '2021年10月'. */
export function periodText(period: string): string {
  const [y, m] = period.split('-');
  return `${y}年${Number(m)}月`;
}

/** An API instant in Beijing time: '2021-08-02T07:02:00.000Z' → '2021-08-02 15:02'. */
export function instantText(instant: string | null | undefined): string {
  if (!instant) return dash;
  const t = new Date(new Date(instant).getTime() + 8 * 3600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}
