import type { DemoPlan, DemoReport } from '../../demo/types';
import { normalizeInstant, type Actor } from '../actor';
import { saveCases } from '../cases/import-cases';
import { withTransaction, type Ctx } from '../context';
import { decideReport, saveDraft, submitReport } from '../reports/workflow';
import { saveRoster } from '../roster/import-roster';
import { draftTime } from './draft-time';

export interface SeedActors {
  clerk(countyCode: string): Actor;
  officer(cityCode: string): Actor;
  admin: Actor;
}

async function applyReport(
  ctx: Ctx<'campaign'>,
  actors: SeedActors,
  report: DemoReport,
  cityCode: string,
): Promise<void> {
  const ref = { countyCode: report.countyCode, period: report.period };
  const clerk = { ...ctx, actor: actors.clerk(report.countyCode) };
  const officer = () => ({ ...ctx, actor: actors.officer(cityCode) });
  let { report: current } = await saveDraft(
    clerk,
    { ...ref, version: 0, values: report.values, comments: report.comments },
    draftTime(report),
  );
  for (const event of report.events) {
    const at = normalizeInstant(event.at);
    const version = current.version;
    if (event.action === 'submit') current = await submitReport(clerk, { ...ref, version }, at);
    else if (event.action === 'edit')
      current = (await saveDraft(clerk, { ...ref, version, values: event.values }, at)).report;
    else if (event.action === 'return')
      current = await decideReport(officer(), { ...ref, version, reason: event.reason }, 'return', at);
    else if (event.action === 'approve') current = await decideReport(officer(), { ...ref, version }, 'approve', at);
    else current = await decideReport({ ...ctx, actor: actors.admin }, { ...ref, version }, 'accept', at);
  }
}

export interface SeedProgress {
  tick(): void;
}

/** Writes the demo plan through the same services a clerk, an officer and the province use, each at its recorded time. */
export async function applyDemoPlan(
  ctx: Ctx<'campaign'>,
  plan: DemoPlan,
  cityOf: Map<string, string>,
  actors: SeedActors,
  progress: SeedProgress,
): Promise<void> {
  const byCounty = groupBy(plan.reports, (r) => r.countyCode);
  const rosters = groupBy(plan.rosters, (r) => r.countyCode);
  const caseLogs = groupBy(plan.caseLogs, (r) => r.countyCode);
  for (const [countyCode, reports] of byCounty) {
    await withTransaction(ctx, [], async (ctx) => {
      for (const r of reports.sort((a, b) => a.period.localeCompare(b.period))) {
        await applyReport(ctx, actors, r, cityOf.get(countyCode)!);
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
        await saveRoster(
          { ...ctx, actor: actors.clerk(countyCode) },
          countyCode,
          rows,
          normalizeInstant(roster.at),
          '村级台账.xlsx',
        );
      }
      for (const log of caseLogs.get(countyCode) ?? []) {
        const rows = log.rows.map((c) => ({
          case_id: c.caseId,
          kind: c.kind,
          township_code: c.townshipCode,
          applied_on: c.appliedOn,
          decided_on: c.decidedOn,
        }));
        await saveCases(
          { ...ctx, actor: actors.clerk(countyCode) },
          countyCode,
          rows,
          normalizeInstant(log.at),
          '办件台账.csv',
        );
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
