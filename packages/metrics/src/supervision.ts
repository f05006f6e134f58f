/** A rectification item as known on a day: closed only if its 销号 was known by then. */
export interface KnownItem {
  dueOn: string;
  /** The Beijing day of its 销号, or null while open. */
  closedOn: string | null;
  voided: boolean;
}

export interface ItemCounts {
  items: number;
  closed: number;
  open: number;
  overdue: number;
}

/** 逾期未整改: still open at the end of `asOf` and its due date already behind that day. */
export function isItemOverdue(item: KnownItem, asOf: string): boolean {
  if (item.voided) return false;
  const openOnDay = item.closedOn === null || item.closedOn > asOf;
  return openOnDay && item.dueOn < asOf;
}

/** Voided items count nowhere; the others split into closed and open, the open ones past due being overdue. */
export function itemCounts(items: KnownItem[], asOf: string): ItemCounts {
  const live = items.filter((i) => !i.voided);
  const closed = live.filter((i) => i.closedOn !== null && i.closedOn <= asOf).length;
  return {
    items: live.length,
    closed,
    open: live.length - closed,
    overdue: live.filter((i) => isItemOverdue(i, asOf)).length,
  };
}
