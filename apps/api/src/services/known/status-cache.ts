import type { CountyInput, JudgedCountyStatus, StatusResult } from '@dudao/metrics';
import type { CampaignDef } from '@dudao/schema/campaign';
import { onChanges, type Change } from '../../db/change-feed';
import type { Db } from '../../db/engine';

/** What one campaign version knows of one as-of day: county inputs (lagging left null), judged counties, the answer. */
export interface DayCache {
  inputs: Map<string, CountyInput>;
  judged: Map<string, JudgedCountyStatus>;
  answer: Promise<StatusResult> | null;
}

export interface CampaignCache {
  days: Map<string, DayCache>;
  /** Each county's lagging on the supervision day, judged from that day's inputs. */
  laggingAtStart: Map<string, boolean>;
  /** Bumped by every change that reaches this cache: a load begun before it must not file what it read. */
  epoch: number;
}

const MAX_DAYS = 400;
const caches = new WeakMap<Db, Map<string, Map<CampaignDef, CampaignCache>>>();

function dropUnits<T>(map: Map<string, T>, units: string[] | null): void {
  if (units === null) map.clear();
  else for (const unit of units) map.delete(unit);
}

/** Drops exactly what a change names: answers on and after its day, and the named counties' inputs on those days. */
function apply(cache: CampaignCache, start: string | null, change: Change): void {
  // A write of records only (no county's figures) leaves every status answer as it is.
  if (change.kind === 'records' || (change.units !== null && change.units.length === 0)) return;
  cache.epoch++;
  for (const [day, entry] of cache.days) {
    if (day < change.fromDay) continue;
    if (change.units === null) {
      cache.days.delete(day);
      continue;
    }
    entry.answer = null;
    dropUnits(entry.inputs, change.units);
    dropUnits(entry.judged, change.units);
  }
  // Lagging on the supervision day feeds every later day of the county, so it goes when that day's inputs go.
  if (start !== null && start >= change.fromDay) dropUnits(cache.laggingAtStart, change.units);
}

/** The cache of one campaign version on `db`, created (and subscribed to the feed) on first use. */
export function campaignCache(db: Db, campaign: CampaignDef, start: string | null): CampaignCache {
  let perDb = caches.get(db);
  if (!perDb) {
    const created = new Map<string, Map<CampaignDef, CampaignCache>>();
    caches.set(db, created);
    onChanges(db, (changes) => {
      for (const change of changes) {
        const codes = change.campaignCode === '*' ? [...created.keys()] : [change.campaignCode];
        for (const code of codes) {
          for (const [def, cache] of created.get(code) ?? []) apply(cache, supervisionStartOf.get(def) ?? null, change);
        }
      }
    });
    perDb = created;
  }
  const versions = perDb.get(campaign.code) ?? new Map<CampaignDef, CampaignCache>();
  perDb.set(campaign.code, versions);
  let cache = versions.get(campaign);
  if (!cache) {
    cache = { days: new Map(), laggingAtStart: new Map(), epoch: 0 };
    versions.set(campaign, cache);
    supervisionStartOf.set(campaign, start);
  }
  return cache;
}

const supervisionStartOf = new WeakMap<CampaignDef, string | null>();

export function dayCache(cache: CampaignCache, asOf: string): DayCache {
  let entry = cache.days.get(asOf);
  if (!entry) {
    if (cache.days.size >= MAX_DAYS) cache.days.delete(cache.days.keys().next().value!);
    entry = { inputs: new Map(), judged: new Map(), answer: null };
    cache.days.set(asOf, entry);
  }
  return entry;
}
