export interface TodoItem {
  kind: 'report' | 'returned' | 'review' | 'accept' | 'roster' | 'supervise' | 'rectify' | 'summary' | 'dispatch';
  title: string;
  unitCode: string;
  period?: string;
  dueOn: string | null;
  overdue: boolean;
  note?: string;
  orderId?: number;
}

export const byUrgency = (a: TodoItem, b: TodoItem) =>
  Number(b.overdue) - Number(a.overdue) ||
  (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') ||
  a.unitCode.localeCompare(b.unitCode);
