import type { Role } from '@dudao/schema/tables';

/** Who performs a write and when it is recorded; `at` lets admins back-fill history with its true time. */
export interface Actor {
  id: number | null;
  label: string;
  role: Role;
  scopeCode: string;
}

export const systemActor: Actor = { id: null, label: '系统（命令行）', role: 'province_admin', scopeCode: '34' };

export function nowIso(): string {
  return new Date().toISOString();
}

/** Accepts any ISO 8601 instant (with offset) and stores it in UTC, so text order is time order. */
export function normalizeInstant(at: string): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}T/.test(at))
    throw new Error(`时间格式无效：${at}（应为 ISO 8601，形如 YYYY-MM-DDThh:mm:ss+08:00）`);
  return new Date(ms).toISOString();
}
