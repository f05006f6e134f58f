import { and, desc, eq, gte, inArray, isNull, like, lt, or } from 'drizzle-orm';
import { addDays, periodEnd, provinceBureau, type CampaignDef } from '@dudao/schema/campaign';
import { gateOfKind, gatesOfKind, isEligible, monthDay, villageHas, VILLAGE_HAS_WORDS } from '@dudao/metrics';
import { rectificationItems, reportEvents, supervisionVisits } from '@dudao/schema/tables';
import type { DbOrTx } from '../../db/client';
import type { SessionUser } from '../auth/sessions';
import { provinceStatusAt } from '../known/status-at';
import { summaryDue as summaryDueOf } from '../known/read';
import { knownSummaries } from '../known/rows';
import { endOfBeijingDay } from '@dudao/schema/campaign';
import { getUnit, listUnits } from '../org/units';
import { reportsWithin } from '../reports/read';
import { findReport } from '../reports/store';
import { currentRoster } from '../roster/current';
import { byUrgency, type TodoItem } from './items';
import { dispatchTodo } from '../dispatch/todo';

/** Items recorded by the end of `asOf` and not closed by then. */
function openRectifications(db: DbOrTx, campaign: CampaignDef, scope: string, asOf: string): TodoItem[] {
  const before = endOfBeijingDay(asOf);
  return db
    .select({ id: rectificationItems.id, description: rectificationItems.description, dueOn: rectificationItems.dueOn, county: supervisionVisits.countyCode })
    .from(rectificationItems)
    .innerJoin(supervisionVisits, eq(rectificationItems.visitId, supervisionVisits.id))
    .where(and(eq(supervisionVisits.campaignCode, campaign.code), like(supervisionVisits.countyCode, `${scope}%`), lt(rectificationItems.createdAt, before), or(isNull(rectificationItems.closedAt), gte(rectificationItems.closedAt, before))))
    .all()
    .map((i) => ({ kind: 'rectify' as const, title: `整改：${i.description}`, unitCode: i.county, dueOn: i.dueOn, overdue: asOf > i.dueOn }));
}

function clerkItems(db: DbOrTx, campaign: CampaignDef, county: string, asOf: string): TodoItem[] {
  const reports = new Map(reportsWithin(db, campaign, county, { asOf }).map((r) => [r.period, r]));
  const items: TodoItem[] = [];
  for (const period of campaign.periods.filter((p) => periodEnd(p) <= asOf)) {
    const r = reports.get(period);
    const due = r?.dueOn ?? addDays(periodEnd(period), campaign.reportDueAfterDays);
    if (r && !['draft', 'returned'].includes(r.state)) continue;
    if (r?.state === 'returned') {
      const report = findReport(db, campaign, county, period)!;
      const reason = db
        .select()
        .from(reportEvents)
        .where(and(eq(reportEvents.reportId, report.id), inArray(reportEvents.action, ['return', 'reopen']), lt(reportEvents.at, endOfBeijingDay(asOf))))
        .orderBy(desc(reportEvents.id))
        .get();
      items.push({ kind: 'returned', title: `${period} ${campaign.reportName}被退回，请修改后重新报送`, unitCode: county, period, dueOn: due, overdue: asOf > due, note: reason?.reason ?? undefined });
    } else items.push({ kind: 'report', title: `填报并报送 ${period} ${campaign.reportName}`, unitCode: county, period, dueOn: due, overdue: asOf > due });
  }
  const roster = currentRoster(db, campaign, county, endOfBeijingDay(asOf));
  const rosterDue = addDays(periodEnd(campaign.periods[0]!), campaign.reportDueAfterDays);
  if (!roster) items.push({ kind: 'roster', title: '上传村级台账', unitCode: county, dueOn: rosterDue, overdue: asOf > rosterDue });
  else {
    // Each roster gate asks something of every village of its set: what is still missing is the county's to-do.
    for (const gate of gatesOfKind(campaign, 'roster_condition')) {
      const missing = roster.rows.filter((r) => (gate.villages === 'all' || isEligible(r, campaign.thresholds)) && !villageHas(r, gate.has, campaign.thresholds)).length;
      if (missing > 0) items.push({ kind: 'roster', title: `为 ${missing} 个村（社区）${VILLAGE_HAS_WORDS[gate.has]}并更新台账`, unitCode: county, dueOn: gate.deadline, overdue: asOf > gate.deadline });
    }
  }
  return [...items, ...openRectifications(db, campaign, county, asOf), ...dispatchTodo(db, campaign, county, asOf, 'county')];
}

function officerItems(db: DbOrTx, campaign: CampaignDef, city: string, asOf: string): TodoItem[] {
  const items: TodoItem[] = reportsWithin(db, campaign, city, { asOf, state: 'submitted' }).map((r) => ({
    kind: 'review',
    title: `审核${r.countyName} ${r.period} ${campaign.reportName}`,
    unitCode: r.countyCode,
    period: r.period,
    dueOn: null,
    overdue: false,
    note: r.editsAfterSubmit > 0 ? `报送后修改 ${r.editsAfterSubmit} 次` : undefined,
  }));
  const supervision = gateOfKind(campaign, 'supervision_of_lagging');
  if (supervision && asOf >= supervision.laggingOn) {
    const due = supervision.deadline;
    for (const c of provinceStatusAt(db, campaign, asOf).counties.filter((c) => c.cityCode === city)) {
      const status = c.gates[supervision.code];
      if (status === 'pending' || status === 'overdue') {
        items.push({ kind: 'supervise', title: `对${c.name}开展实地督导（${monthDay(supervision.laggingOn)}进展缓慢）`, unitCode: c.code, dueOn: due, overdue: status === 'overdue' });
      }
    }
  }
  const summaryDue = summaryDueOf(campaign);
  if (asOf >= campaign.stages.at(-1)!.start! && !knownSummaries(db, campaign, city, endOfBeijingDay(asOf)).has(city)) {
    items.push({ kind: 'summary', title: `撰写并向${provinceBureau(campaign)}报送市级行动总结`, unitCode: city, dueOn: summaryDue, overdue: asOf > summaryDue });
  }
  return [...items, ...openRectifications(db, campaign, city, asOf), ...dispatchTodo(db, campaign, city, asOf, 'issuer')];
}

function provinceItems(db: DbOrTx, campaign: CampaignDef, asOf: string): TodoItem[] {
  const approved = reportsWithin(db, campaign, campaign.province, { asOf, state: 'approved' });
  const items: TodoItem[] = listUnits(db, { level: 'city' })
    .filter((c) => c.code.startsWith(campaign.province))
    .flatMap((city) => {
      const n = approved.filter((r) => r.countyCode.startsWith(city.code)).length;
      return n ? [{ kind: 'accept' as const, title: `确认${city.name} ${n} 份已审核${campaign.reportName}`, unitCode: city.code, dueOn: null, overdue: false }] : [];
    });
  const summaryDue = summaryDueOf(campaign);
  if (asOf > summaryDue) {
    const submitted = knownSummaries(db, campaign, campaign.province, endOfBeijingDay(asOf));
    for (const city of listUnits(db, { level: 'city' }).filter((c) => c.code.startsWith(campaign.province) && !submitted.has(c.code))) {
      items.push({ kind: 'summary', title: `催报${city.name}市级行动总结`, unitCode: city.code, dueOn: summaryDue, overdue: true });
    }
  }
  return [...items, ...dispatchTodo(db, campaign, campaign.province, asOf, 'issuer')];
}

/** What is due for this user, by when, what was returned to them, what is overdue — most urgent first. */
export function todoFor(db: DbOrTx, campaign: CampaignDef, user: SessionUser, asOf: string): TodoItem[] {
  const scope = getUnit(db, user.scopeCode);
  if (!scope) return [];
  const items =
    user.role === 'county_clerk'
      ? clerkItems(db, campaign, user.scopeCode, asOf)
      : user.role === 'city_officer'
        ? officerItems(db, campaign, user.scopeCode, asOf)
        : user.role === 'province_admin'
          ? provinceItems(db, campaign, asOf)
          : [];
  return items.sort(byUrgency);
}
