import type { RecordLock } from '../db/engine';
import type { ReportRef } from './reports/workflow';

const named = (key: string) => key as RecordLock;

/**
 * Every record a write judges before changing it, by name: a write passes the ones it touches to `withTransaction`
 * (or `stampedWrite`), which holds them until it commits, so two writers of one record take turns on PostgreSQL and
 * the second judges what the first committed. A record missing here cannot be locked, and a write that judges a state
 * without naming its lock is visible at its `withTransaction` call.
 */
export const lockOn = {
  /** A county's monthly report of one period: its state, version and fields. */
  report: (campaignCode: string, ref: ReportRef) => named(`report:${campaignCode}:${ref.countyCode}:${ref.period}`),
  /** One county's copy of a dispatch order: its state and history. */
  dispatchCopy: (campaignCode: string, orderId: number, county: string) =>
    named(`dispatch_copy:${campaignCode}:${orderId}:${county}`),
  /** A supervision visit and the items found on it: corrections and voids judge the visit's live revision. */
  visit: (visitId: number) => named(`supervision_visit:${visitId}`),
  /** One rectification item: open or closed, and its revisions. */
  item: (itemId: number) => named(`rectification_item:${itemId}`),
  /** A county's village roster: an upload records what it replaced. */
  roster: (campaignCode: string, county: string) => named(`roster:${campaignCode}:${county}`),
  /** A unit's generated documents of one kind: each generation takes the next version. */
  documents: (campaignCode: string, kind: string, unit: string) =>
    named(`generated_report:${campaignCode}:${kind}:${unit}`),
  /** A unit's document settings: a save records what it changed. */
  documentSettings: (unit: string) => named(`document_settings:${unit}`),
  /** The campaign clock: moves forward only, judged against its current setting. */
  clock: () => named('clock'),
  /** A campaign code's installed versions: an install takes the next. */
  campaign: (code: string) => named(`campaign:${code}`),
  /** A user account: role, scope, password, disabled. */
  user: (id: number) => named(`user:${id}`),
  /** A user name not yet taken. */
  userName: (username: string) => named(`username:${username}`),
  /** One user's notification preferences. */
  notifyPrefs: (userId: number) => named(`notify-prefs:${userId}`),
  /** A unit's channel of one kind (robot webhook, mail). */
  notifyChannel: (unit: string, kind: string) => named(`notify-channel:${unit}:${kind}`),
  /** A campaign's deadline-reminder schedule: how far it has been evaluated. */
  notifySchedule: (campaignCode: string) => named(`notify-schedule:${campaignCode}`),
  /** One outbox message. */
  outboxMessage: (id: number) => named(`outbox:${id}`),
  /** The organisation tree (loaded once per database). */
  orgTree: () => named('org-tree'),
};
