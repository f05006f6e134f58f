import { and, asc, desc, eq, gte, inArray, isNull, like, lt, or } from 'drizzle-orm';
import { addDays, periodEnd, provinceBureau } from '@dudao/schema/campaign';
import {
  gateOfKind,
  gatesOfKind,
  isEligible,
  monthDay,
  villageHas,
  VILLAGE_HAS_WORDS,
  periodText,
} from '@dudao/metrics';
import { rectificationItems, reportEvents, supervisionVisits } from '@dudao/schema/tables';
import type { Ctx } from '../context';
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
async function openRectifications(ctx: Ctx<'campaign'>, scope: string, asOf: string): Promise<TodoItem[]> {
  const before = endOfBeijingDay(asOf);
  return (
    (
      await ctx.db
        .select({
          id: rectificationItems.id,
          description: rectificationItems.description,
          dueOn: rectificationItems.dueOn,
          county: supervisionVisits.countyCode,
        })
        .from(rectificationItems)
        .innerJoin(supervisionVisits, eq(rectificationItems.visitId, supervisionVisits.id))
        .where(
          and(
            eq(supervisionVisits.campaignCode, ctx.campaign.code),
            like(supervisionVisits.countyCode, `${scope}%`),
            lt(rectificationItems.createdAt, before),
            or(isNull(rectificationItems.closedAt), gte(rectificationItems.closedAt, before)),
          ),
        )
        // Ordered by id so items of equal urgency keep one order on either engine.
        .orderBy(asc(rectificationItems.id))
        .all()
    ).map((i) => ({
      kind: 'rectify' as const,
      title: `整改：${i.description}`,
      unitCode: i.county,
      dueOn: i.dueOn,
      overdue: asOf > i.dueOn,
    }))
  );
}

async function clerkItems(ctx: Ctx<'campaign'>, county: string, asOf: string): Promise<TodoItem[]> {
  const { db, campaign } = ctx;
  const reports = new Map((await reportsWithin(ctx, county, { asOf })).map((r) => [r.period, r]));
  const items: TodoItem[] = [];
  for (const period of campaign.periods.filter((p) => periodEnd(p) <= asOf)) {
    const r = reports.get(period);
    const due = r?.dueOn ?? addDays(periodEnd(period), campaign.reportDueAfterDays);
    if (r && !['draft', 'returned'].includes(r.state)) continue;
    if (r?.state === 'returned') {
      const report = (await findReport(ctx, county, period))!;
      const reason = await db
        .select()
        .from(reportEvents)
        .where(
          and(
            eq(reportEvents.reportId, report.id),
            inArray(reportEvents.action, ['return', 'reopen']),
            lt(reportEvents.at, endOfBeijingDay(asOf)),
          ),
        )
        .orderBy(desc(reportEvents.id))
        .get();
      items.push({
        kind: 'returned',
        title: `${periodText(period)}${campaign.reportName}被退回，请修改后重新报送`,
        unitCode: county,
        period,
        dueOn: due,
        overdue: asOf > due,
        note: reason?.reason ?? undefined,
      });
    } else
      items.push({
        kind: 'report',
        title: `填报并报送${periodText(period)}${campaign.reportName}`,
        unitCode: county,
        period,
        dueOn: due,
        overdue: asOf > due,
      });
  }
  const roster = await currentRoster(ctx, county, endOfBeijingDay(asOf));
  const rosterDue = addDays(periodEnd(campaign.periods[0]!), campaign.reportDueAfterDays);
  if (!roster)
    items.push({
      kind: 'roster',
      title: '上传村级台账',
      unitCode: county,
      dueOn: rosterDue,
      overdue: asOf > rosterDue,
    });
  else {
    // Each roster gate asks something of every village of its set: what is still missing is the county's to-do.
    for (const gate of gatesOfKind(campaign, 'roster_condition')) {
      const missing = roster.rows.filter(
        (r) =>
          (gate.villages === 'all' || isEligible(r, campaign.thresholds)) &&
          !villageHas(r, gate.has, campaign.thresholds),
      ).length;
      if (missing > 0)
        items.push({
          kind: 'roster',
          title: `为 ${missing} 个村（社区）${VILLAGE_HAS_WORDS[gate.has]}并更新台账`,
          unitCode: county,
          dueOn: gate.deadline,
          overdue: asOf > gate.deadline,
        });
    }
  }
  return [
    ...items,
    ...(await openRectifications(ctx, county, asOf)),
    ...(await dispatchTodo(ctx, county, asOf, 'county')),
  ];
}

async function officerItems(ctx: Ctx<'campaign'>, city: string, asOf: string): Promise<TodoItem[]> {
  const { campaign } = ctx;
  const items: TodoItem[] = (await reportsWithin(ctx, city, { asOf, state: 'submitted' })).map((r) => ({
    kind: 'review',
    title: `审核${r.countyName}${periodText(r.period)}${campaign.reportName}`,
    unitCode: r.countyCode,
    period: r.period,
    dueOn: null,
    overdue: false,
    note: r.editsAfterSubmit > 0 ? `报送后修改 ${r.editsAfterSubmit} 次` : undefined,
  }));
  const supervision = gateOfKind(campaign, 'supervision_of_lagging');
  if (supervision && asOf >= supervision.laggingOn) {
    const due = supervision.deadline;
    for (const c of (await provinceStatusAt(ctx, asOf)).counties.filter((c) => c.cityCode === city)) {
      const status = c.gates[supervision.code];
      if (status === 'pending' || status === 'overdue') {
        items.push({
          kind: 'supervise',
          title: `对${c.name}开展实地督导（${monthDay(supervision.laggingOn)}进展缓慢）`,
          unitCode: c.code,
          dueOn: due,
          overdue: status === 'overdue',
        });
      }
    }
  }
  const summaryDue = summaryDueOf(campaign);
  if (asOf >= campaign.stages.at(-1)!.start! && !(await knownSummaries(ctx, city, endOfBeijingDay(asOf))).has(city)) {
    items.push({
      kind: 'summary',
      title: `撰写并向${provinceBureau(campaign)}报送市级行动总结`,
      unitCode: city,
      dueOn: summaryDue,
      overdue: asOf > summaryDue,
    });
  }
  return [...items, ...(await openRectifications(ctx, city, asOf)), ...(await dispatchTodo(ctx, city, asOf, 'issuer'))];
}

async function provinceItems(ctx: Ctx<'campaign'>, asOf: string): Promise<TodoItem[]> {
  const { campaign } = ctx;
  const approved = await reportsWithin(ctx, campaign.province, { asOf, state: 'approved' });
  const items: TodoItem[] = (await listUnits(ctx, { level: 'city' }))
    .filter((c) => c.code.startsWith(campaign.province))
    .flatMap((city) => {
      const n = approved.filter((r) => r.countyCode.startsWith(city.code)).length;
      return n
        ? [
            {
              kind: 'accept' as const,
              title: `确认${city.name} ${n} 份已审核${campaign.reportName}`,
              unitCode: city.code,
              dueOn: null,
              overdue: false,
            },
          ]
        : [];
    });
  const summaryDue = summaryDueOf(campaign);
  if (asOf > summaryDue) {
    const submitted = await knownSummaries(ctx, campaign.province, endOfBeijingDay(asOf));
    for (const city of (await listUnits(ctx, { level: 'city' })).filter(
      (c) => c.code.startsWith(campaign.province) && !submitted.has(c.code),
    )) {
      items.push({
        kind: 'summary',
        title: `催报${city.name}市级行动总结`,
        unitCode: city.code,
        dueOn: summaryDue,
        overdue: true,
      });
    }
  }
  return [...items, ...(await dispatchTodo(ctx, campaign.province, asOf, 'issuer'))];
}

/** What is due for this user, by when, what was returned to them, what is overdue — most urgent first. */
export async function todoFor(ctx: Ctx<'campaign' | 'actor'>, asOf: string): Promise<TodoItem[]> {
  const { actor: user } = ctx;
  const scope = await getUnit(ctx, user.scopeCode);
  if (!scope) return [];
  const items =
    user.role === 'county_clerk'
      ? await clerkItems(ctx, user.scopeCode, asOf)
      : user.role === 'city_officer'
        ? await officerItems(ctx, user.scopeCode, asOf)
        : user.role === 'province_admin'
          ? await provinceItems(ctx, asOf)
          : [];
  return items.sort(byUrgency);
}
