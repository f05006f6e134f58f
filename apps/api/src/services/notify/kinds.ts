import type { ChannelKind } from '@dudao/schema/tables';

/** The kinds of notice a person chooses channels for (the account page lists them in this order). */
export const noticeGroups = {
  deadline: '临近提醒和逾期提醒',
  urge: '催报、催办',
  dispatch: '督办单（交办、退回、逾期未签收、亮灯）',
  report: '月报审核（报送、退回、审核通过）',
  digest: '每日简报（市级）',
  document: '通报和总结（附件）',
} as const;
export type NoticeGroup = keyof typeof noticeGroups;

export function groupOf(kind: string): NoticeGroup {
  if (kind.startsWith('reminder.')) return 'deadline';
  if (kind.startsWith('urge.')) return 'urge';
  if (kind.startsWith('dispatch.')) return 'dispatch';
  if (kind.startsWith('digest')) return 'digest';
  if (kind.startsWith('document.')) return 'document';
  return 'report';
}

export type Choices = Partial<Record<NoticeGroup, ChannelKind[]>>;

/**
 * Before a person chooses, a unit's group robots carry every kind of notice (an admin who set one up expects it to
 * speak); e-mail and SMS reach a person only once chosen, as they need an address anyway.
 */
export const defaultChoices: Choices = Object.fromEntries(
  Object.keys(noticeGroups).map((g) => [g, ['dingtalk', 'wecom']]),
);

/** Where a page of the dashboard shows what a notice is about. */
export function linkPath(kind: string, unitCode?: string | null): string {
  if (kind.startsWith('dispatch.') || kind === 'urge.dispatch') return '/dispatch';
  if (kind.startsWith('digest') && unitCode) return `/city/${unitCode}`;
  if (kind.startsWith('document.')) return '/documents';
  return '/';
}

export function publicUrl(path: string): string {
  const base = (process.env.DUDAO_PUBLIC_URL ?? 'http://127.0.0.1:5173').replace(/\/$/, '');
  return `${base}${path}`;
}
