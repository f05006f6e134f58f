import type { CampaignDef } from '@dudao/schema/campaign';
import type { Db, DbOrTx } from '../../db/client';
import type { DemoPlan, DemoReport } from '../../demo/types';
import { normalizeInstant, type Actor } from '../actor';
import { saveCases } from '../cases/import-cases';
import { decideReport, saveDraft, submitReport } from '../reports/workflow';
import { saveRoster } from '../roster/import-roster';
import { draftTime } from './draft-time';

export interface SeedActors {
  clerk(countyCode: string): Actor;
  officer(cityCode: string): Actor;
  admin: Actor;
}

function applyReport(db: DbOrTx, campaign: CampaignDef, actors: SeedActors, report: DemoReport, cityCode: string): void {
  const ref = { countyCode: report.countyCode, period: report.period };
  const clerk = actors.clerk(report.countyCode);
  let { report: current } = saveDraft(db, campaign, clerk, draftTime(report), { ...ref, version: 0, values: report.values, comments: report.comments });
  for (const event of report.events) {
    const at = normalizeInstant(event.at);
    const version = current.version;
    if (event.action === 'submit') current = submitReport(db, campaign, clerk, at, { ...ref, version });
    else if (event.action === 'edit') current = saveDraft(db, campaign, clerk, at, { ...ref, version, values: event.values }).report;
    else if (event.action === 'return') current = decideReport(db, campaign, actors.officer(cityCode), at, { ...ref, version, reason: event.reason }, 'return');
    else if (event.action === 'approve') current = decideReport(db, campaign, actors.officer(cityCode), at, { ...ref, version }, 'approve');
    else current = decideReport(db, campaign, actors.admin, at, { ...ref, version }, 'accept');
  }
}

export interface SeedProgress {
  tick(): void;
}

/** Writes the demo plan through the same services a clerk, an officer and the province use, each at its recorded time. */
export function applyDemoPlan(db: Db, campaign: CampaignDef, plan: DemoPlan, cityOf: Map<string, string>, actors: SeedActors, progress: SeedProgress): void {
  const byCounty = groupBy(plan.reports, (r) => r.countyCode);
  const rosters = groupBy(plan.rosters, (r) => r.countyCode);
  const caseLogs = groupBy(plan.caseLogs, (r) => r.countyCode);
  for (const [countyCode, reports] of byCounty) {
    db.transaction((tx) => {
      for (const r of reports.sort((a, b) => a.period.localeCompare(b.period))) {
        applyReport(tx, campaign, actors, r, cityOf.get(countyCode)!);
      }
      for (const roster of rosters.get(countyCode) ?? []) {
        const rows = roster.rows.map((v) => ({
          village_code: v.villageCode,
          village_name: v.villageName,
          long_term_recipients: v.longTermRecipients,
          civil_affairs_member: v.civilAffairsMember,
          coordinators: v.coordinators,
          coordinators_full_time: v.coordinatorsFullTime,
          coordinator_pay: v.coordinatorPay,
          stations: v.stations,
        }));
        saveRoster(tx, campaign, countyCode, rows, actors.clerk(countyCode), normalizeInstant(roster.at), '村级台账.xlsx');
      }
      for (const log of caseLogs.get(countyCode) ?? []) {
        const rows = log.rows.map((c) => ({ case_id: c.caseId, kind: c.kind, township_code: c.townshipCode, applied_on: c.appliedOn, decided_on: c.decidedOn }));
        saveCases(tx, campaign, countyCode, rows, actors.clerk(countyCode), normalizeInstant(log.at), '办件台账.csv');
      }
    });
    progress.tick();
  }
}

// Map.groupBy arrives with Node 21; Dudao runs on 20.
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
