import type { Role } from '@dudao/schema/tables';
import type { Ctx } from '../services/context';
import {
  unseenAttachment,
  unseenDocument,
  unseenEvidence,
  unseenItem,
  unseenVisit,
  type DomainError,
} from '../services/errors';
import { attachmentCounty } from '../services/dispatch/files';
import { itemCounty } from '../services/supervision/visits';
import { evidenceCounty, visitCounty } from '../services/supervision/lookup';
import { documentUnit } from '../services/documents/stored';

const all: readonly Role[] = ['province_admin', 'province_viewer', 'city_officer', 'county_clerk'];
const admin: readonly Role[] = ['province_admin'];
const clerk: readonly Role[] = ['province_admin', 'county_clerk'];
const officer: readonly Role[] = ['province_admin', 'city_officer'];
const readers: readonly Role[] = ['province_admin', 'province_viewer', 'city_officer'];

/**
 * Every procedure's and every file route's rule, in one table: who may call it, and which units its input touches —
 * each must lie inside the caller's scope. Both adapters pass through one gate (`permit.ts`) that reads only this
 * table: a procedure is built from an entry here (`guarded`), a file route is declared with one (`file-routes.ts`),
 * and the authorization test walks both against it.
 */
export interface Rule {
  roles: readonly Role[];
  units: (input: never, ctx: Ctx<'campaign'>) => Promise<Touched[]> | Touched[];
  /** What a granted role may still not ask for: the refusal in words, or null. */
  limit?: (input: never, role: Role) => string | null;
  /** Still allowed while the user's password is one someone else set (the form to change it, the page around it). */
  beforePasswordChange?: true;
  /** A request naming a campaign that is gone or not the user's falls back to the default (the switcher's list). */
  anyCampaign?: true;
}

/**
 * A unit the input names (refused with 403 outside the scope), or one read off a record the input names by id:
 * outside the scope that record answers `unseen`, as an id that names no record does, so ids cannot be probed.
 */
export type Touched = string | undefined | null | RecordUnit;
export interface RecordUnit {
  unit: string | undefined;
  unseen: DomainError;
}

const none = () => [];
// An id that names no record yields no unit: the service then answers the same `unseen` without touching anything.
const record = async (
  id: unknown,
  lookup: (ctx: Ctx<'campaign'>, id: number) => Promise<string | undefined>,
  unseen: (id: number) => DomainError,
  ctx: Ctx<'campaign'>,
): Promise<Touched[]> => (typeof id === 'number' ? [{ unit: await lookup(ctx, id), unseen: unseen(id) }] : []);
const target = (i: { target?: string; id?: number }, ctx: Ctx<'campaign'>) =>
  i.target === 'visit'
    ? record(i.id, visitCounty, unseenVisit, ctx)
    : i.target === 'item'
      ? record(i.id, itemCounty, unseenItem, ctx)
      : [];
const documentRef = (i: { id?: number }, ctx: Ctx<'campaign'>) => record(i.id, documentUnit, unseenDocument, ctx);
const unit = (i: { unit?: string }) => [i.unit];
const county = (i: { countyCode?: string }) => [i.countyCode];
const byCounty = (i: { county?: string }) => [i.county];
const closeItem: Rule = {
  roles: officer,
  units: (i: { itemId?: number }, ctx) => record(i.itemId, itemCounty, unseenItem, ctx),
};
/** A city writes its own summary and the annex; the province's summary and the notice are the province's. */
const cityKinds = (i: { kind?: unknown }, role: Role) =>
  role === 'city_officer' && typeof i.kind === 'string' && i.kind !== 'city' && i.kind !== 'annex'
    ? '市级用户只能生成本市行动总结和指标附表'
    : null;

export const rules = {
  'units.tree': { roles: all, units: unit },
  'units.get': { roles: all, units: (i: { code?: string }) => [i.code] },
  'units.search': { roles: all, units: none },
  'campaign.get': { roles: all, units: none, beforePasswordChange: true },
  'campaign.list': { roles: all, units: none, beforePasswordChange: true, anyCampaign: true },
  'clock.get': { roles: all, units: none, beforePasswordChange: true },
  'clock.set': { roles: admin, units: none },
  'status.at': { roles: all, units: unit },
  'status.overview': { roles: all, units: unit },
  'status.county': { roles: all, units: (i: { code?: string }) => [i.code] },
  'status.forecast': { roles: all, units: unit },
  'status.gateForecasts': { roles: all, units: unit },
  'status.whatIf': { roles: all, units: county },
  'reports.get': { roles: all, units: county },
  'reports.list': { roles: all, units: unit },
  'reports.saveDraft': { roles: clerk, units: county },
  'reports.submit': { roles: clerk, units: county },
  'reports.return': { roles: officer, units: county },
  'reports.approve': { roles: officer, units: county },
  'reports.accept': { roles: admin, units: county },
  'reports.acceptMany': {
    roles: admin,
    units: (i: { reports?: { countyCode?: string }[] }) =>
      Array.isArray(i.reports) ? i.reports.map((r) => r?.countyCode) : [],
  },
  'reports.reopen': { roles: admin, units: county },
  'roster.current': { roles: all, units: county },
  'cases.summary': { roles: all, units: county },
  'audit.history': { roles: all, units: unit },
  'supervision.list': { roles: all, units: unit },
  'supervision.recordVisit': { roles: officer, units: county },
  'supervision.addItem': {
    roles: officer,
    units: (i: { visitId?: number }, ctx) => record(i.visitId, visitCounty, unseenVisit, ctx),
  },
  'supervision.closeItem': closeItem,
  'supervision.overview': { roles: all, units: unit },
  'supervision.correct': { roles: officer, units: target },
  'supervision.void': { roles: officer, units: target },
  'documents.generate': { roles: officer, units: unit, limit: cityKinds },
  'documents.list': { roles: readers, units: unit },
  'documents.preview': { roles: readers, units: documentRef },
  'summaries.submit': { roles: officer, units: documentRef },
  'summaries.status': { roles: readers, units: unit },
  'dispatch.issue': {
    roles: officer,
    units: (i: { counties?: unknown }) =>
      Array.isArray(i.counties) ? i.counties.filter((c): c is string => typeof c === 'string') : [],
  },
  'dispatch.list': { roles: all, units: unit },
  'dispatch.get': { roles: all, units: none },
  'dispatch.summary': { roles: all, units: unit },
  'dispatch.sign': { roles: clerk, units: byCounty },
  'dispatch.feedback': { roles: clerk, units: byCounty },
  'dispatch.sendBack': { roles: officer, units: byCounty },
  'dispatch.close': { roles: officer, units: byCounty },
  'urge.send': { roles: officer, units: unit },
  'urge.sendAll': { roles: officer, units: unit },
  'urge.counts': { roles: all, units: unit },
  'documentSettings.get': { roles: readers, units: unit },
  'documentSettings.save': { roles: officer, units: unit },
  'todo.mine': { roles: all, units: none },
  'notices.mine': { roles: all, units: none },
  'notices.markRead': { roles: all, units: none },
  'account.changePassword': { roles: all, units: none, beforePasswordChange: true },
  'notify.kinds': { roles: all, units: none },
  'notify.channels': { roles: admin, units: unit },
  'notify.saveChannel': { roles: admin, units: unit },
  'notify.testChannel': { roles: admin, units: unit },
  'notify.myPrefs': { roles: all, units: none },
  'notify.savePrefs': { roles: all, units: none },
  'notify.outbox': { roles: admin, units: none },
  'notify.resend': { roles: admin, units: none },
  'users.list': { roles: admin, units: none },
  'users.create': { roles: admin, units: (i: { scopeCode?: string }) => [i.scopeCode] },
  'users.setDisabled': { roles: admin, units: none },
  'users.setRole': { roles: admin, units: (i: { scopeCode?: string }) => [i.scopeCode] },
  'users.resetPassword': { roles: admin, units: none },
  // The file routes (server/file-routes.ts): the query's county or unit, or the record the path names by id.
  'files.roster.upload': { roles: clerk, units: byCounty },
  'files.cases.upload': { roles: clerk, units: byCounty },
  'files.roster.template': { roles: all, units: byCounty },
  'files.cases.template': { roles: all, units: byCounty },
  'files.values.export': { roles: all, units: unit },
  'files.audit.export': { roles: all, units: unit },
  'files.document.download': { roles: readers, units: documentRef },
  'files.dispatch.attach': { roles: clerk, units: byCounty },
  'files.dispatch.download': {
    roles: all,
    units: (i: { id?: number }, ctx) => record(i.id, attachmentCounty, unseenAttachment, ctx),
  },
  'files.evidence.close': closeItem,
  'files.evidence.download': {
    roles: all,
    units: (i: { id?: number }, ctx) => record(i.id, evidenceCounty, unseenEvidence, ctx),
  },
} satisfies Record<string, Rule>;

export type RuleName = keyof typeof rules;
/** A file route's rule is named `files.…`; every other name is a tRPC procedure's. */
export type FileRouteName = Extract<RuleName, `files.${string}`>;
export type ProcedureName = Exclude<RuleName, FileRouteName>;

/** Division codes nest by prefix, so a unit lies inside a scope exactly when its code starts with the scope's. */
export function isWithin(code: string, scopeCode: string): boolean {
  return code.startsWith(scopeCode);
}
