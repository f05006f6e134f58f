import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { addDays } from '@dudao/schema/campaign';
import type { Opened } from '../src/db/client';
import { systemActor } from '../src/services/actor';
import { setClock } from '../src/services/clock/clock';
import { currentCampaign, installCampaign } from '../src/services/campaign/store';
import { serviceContext, type ServiceContext } from '../src/services/context';
import { readTable } from '../src/services/files/table-reader';
import { computeProvinceStatusAt, provinceStatusAt } from '../src/services/known/status-at';
import { importRoster } from '../src/services/roster/import-roster';
import { importValues } from '../src/services/reports/import-values';
import { findReport } from '../src/services/reports/store';
import { decideReport } from '../src/services/reports/workflow';
import { reportsWithin } from '../src/services/reports/read';
import { urgeCounts } from '../src/services/urge/counts';
import { sendUrge } from '../src/services/urge/send';
import {
  dispatchSummaryAt,
  reportListAt,
  supervisionOverviewAt,
  urgeCountsAt,
} from '../src/services/known/overview-answers';
import { addItem, closeItem, recordVisit } from '../src/services/supervision/visits';
import { supervisionOverview } from '../src/services/supervision/overview';
import { dispatchSummary } from '../src/services/dispatch/summary';
import { issueDispatch } from '../src/services/dispatch/issue';
import { readClock } from '../src/services/clock/clock';
import { saveDraft } from '../src/services/reports/workflow';
import { csv } from './support/files';
import { freshDb } from './support/fresh-db';
import { augustValues, header, julyValues, lines } from './support/report-values';
import { rosterFor } from './support/roster';

// The cached, incremental status answer must equal one computed afresh from the database, after any sequence of
// writes through the real services and at any date: what the change feed drops and what it keeps.

const COUNTIES = ['340321', '341221', '340322'];
const FIRST_DAY = '2021-07-20';
const DAYS = 170;

const day = fc.integer({ min: 0, max: DAYS - 1 }).map((n) => addDays(FIRST_DAY, n));
const stamp = fc
  .tuple(day, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([d, h, m]) => `${d}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+08:00`)
  .map((s) => new Date(s).toISOString());
const county = fc.constantFrom(...COUNTIES);
// Answers are read on few days, so a later write often lands before a day already cached: the case that must drop it.
const checkDay = fc.constantFrom('2021-07-31', '2021-08-06', '2021-08-20', '2021-09-10', '2021-10-08', '2021-12-31');

const write = fc.oneof(
  fc.record({
    kind: fc.constant('submit' as const),
    county,
    period: fc.constantFrom('2021-07', '2021-08'),
    urban: fc.integer({ min: 900, max: 1500 }),
    at: stamp,
  }),
  fc.record({ kind: fc.constant('return' as const), county, period: fc.constantFrom('2021-07', '2021-08'), at: stamp }),
  fc.record({ kind: fc.constant('roster' as const), county, lacking: fc.integer({ min: 0, max: 5 }), at: stamp }),
  // A roster stamped by the clock, wherever the clock stands.
  fc.record({ kind: fc.constant('rosterNow' as const), county }),
  fc.record({ kind: fc.constant('visit' as const), county, at: stamp }),
  // A 催报 is a record that feeds no figure: back-filled, it must still reach the answers kept for its day.
  fc.record({ kind: fc.constant('urge' as const), county, period: fc.constantFrom('2021-07', '2021-08'), at: stamp }),
  // Records stamped by the clock reach today's kept answers of their county, its city and the province only.
  fc.record({ kind: fc.constant('urgeNow' as const), county, period: fc.constantFrom('2021-07', '2021-08') }),
  fc.record({ kind: fc.constant('draftNow' as const), county, period: fc.constantFrom('2021-08', '2021-09') }),
  fc.record({ kind: fc.constant('itemNow' as const), county }),
  fc.record({ kind: fc.constant('dispatchNow' as const), county }),
  fc.record({ kind: fc.constant('reinstall' as const), at: stamp }),
  fc.record({ kind: fc.constant('clock' as const), at: stamp }),
);
type Write = typeof write extends fc.Arbitrary<infer W> ? W : never;

const iso = (local: string) => new Date(`${local}:00+08:00`).toISOString();

const handles: Opened[] = [];
afterEach(async () => {
  for (const h of handles.splice(0)) await h.close();
});

/** The kinds of write that went through: the property must not hold only because every write was refused. */
const applied = new Set<string>();

/** Applies one write; a write the services refuse (a state that does not allow it) writes nothing, as in use. */
async function apply(ctx: ServiceContext, w: Write): Promise<ServiceContext> {
  try {
    ctx = await applyOrThrow(ctx, w);
    applied.add(w.kind);
  } catch (e) {
    if (!(e instanceof Error) || /TypeError|ReferenceError/.test(e.name)) throw e;
  }
  return ctx;
}

async function applyOrThrow(ctx: ServiceContext, w: Write): Promise<ServiceContext> {
  {
    if (w.kind === 'submit') {
      const values = { ...(w.period === '2021-07' ? julyValues : augustValues), t01_dibao_urban: String(w.urban) };
      const table = await readTable(csv([header, ...lines(w.county, w.period, values)]), 'values.csv');
      await importValues(ctx, table, { submit: true }, w.at);
    } else if (w.kind === 'return') {
      const report = await findReport(ctx, w.county, w.period);
      if (report)
        await decideReport(
          ctx,
          { countyCode: w.county, period: w.period, version: report.version, reason: '数据有误' },
          'return',
          w.at,
        );
    } else if (w.kind === 'roster' || w.kind === 'rosterNow') {
      const lacking = w.kind === 'roster' ? w.lacking : 1;
      const rows = await rosterFor(ctx.db, w.county, (r, i) =>
        i < lacking ? [...r.slice(0, 4), 0, ...r.slice(5)] : r,
      );
      await importRoster(
        ctx,
        w.county,
        await readTable(csv(rows), 'roster.csv'),
        w.kind === 'roster' ? w.at : undefined,
        null,
      );
    } else if (w.kind === 'visit') {
      await recordVisit(
        ctx,
        { countyCode: w.county, visitedOn: w.at.slice(0, 10), byLevel: 'city', visitors: '张三', findings: '已核查' },
        w.at,
      );
    } else if (w.kind === 'urge') {
      await sendUrge(ctx, { kind: 'report', unit: w.county, period: w.period }, w.at);
    } else if (w.kind === 'urgeNow') {
      await sendUrge(ctx, { kind: 'report', unit: w.county, period: w.period });
    } else if (w.kind === 'draftNow') {
      const report = await findReport(ctx, w.county, w.period);
      await saveDraft(ctx, {
        countyCode: w.county,
        period: w.period,
        version: report?.version ?? 0,
        values: { 'narrative.T11': '本月进展' },
      });
    } else if (w.kind === 'itemNow') {
      // A visit on the clock's day with one item, closed at once: a rectification item's update feeds the answers.
      const { today } = await readClock(ctx);
      const visit = await recordVisit(ctx, {
        countyCode: w.county,
        visitedOn: today,
        byLevel: 'city',
        visitors: '李四',
        findings: '台账不全',
      });
      const item = await addItem(ctx, { visitId: visit.id, description: '补齐台账', owner: '县民政局', dueOn: today });
      await closeItem(ctx, { itemId: item.id, evidence: '已补齐' });
    } else if (w.kind === 'dispatchNow') {
      const { today } = await readClock(ctx);
      await issueDispatch(ctx, {
        counties: [w.county],
        title: '督办协理员配备',
        matter: '请按期配齐协理员',
        level: 'normal',
        deadline: addDays(today, 10),
      });
    } else if (w.kind === 'reinstall') {
      await installCampaign(ctx, ctx.campaign, w.at);
      return { ...ctx, campaign: await currentCampaign(ctx, ctx.campaign.code) };
    } else {
      await setClock(ctx, { at: w.at, mode: 'frozen' });
    }
  }
  return ctx;
}

describe('the incremental status answer and the overview answers kept per day and unit', () => {
  test('equal a fresh computation after every write, at any date, for every installed version read', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(write, fc.array(checkDay, { minLength: 2, maxLength: 3 })), { minLength: 3, maxLength: 6 }),
        async (steps) => {
          const opened = await freshDb();
          handles.push(opened);
          let ctx = serviceContext(opened.db, await currentCampaign({ db: opened.db }), systemActor);
          const versions = [ctx];
          for (const [w, dates] of steps) {
            ctx = await apply(ctx, w);
            if (ctx.campaign !== versions.at(-1)!.campaign) versions.push(ctx);
            // Today too: its answers are kept as well, until a write names their unit.
            const { today } = await readClock(ctx);
            for (const asOf of [...dates, today]) {
              for (const v of [versions[0]!, ctx]) {
                const cached = await provinceStatusAt(v, asOf);
                expect(cached).toEqual(await computeProvinceStatusAt(v, asOf));
                // The overview's kept answers (day-answers.ts) against the same reads made afresh, for the province,
                // a city with counties written to, and a county.
                for (const unit of ['34', '3403', '3412', '340321']) {
                  expect(await reportListAt(v, unit, { asOf })).toEqual(await reportsWithin(v, unit, { asOf }));
                  expect(await urgeCountsAt(v, unit, asOf)).toEqual(await urgeCounts(v, unit, asOf));
                  expect(await dispatchSummaryAt(v, unit, asOf)).toEqual(await dispatchSummary(v, unit, asOf));
                  expect(await supervisionOverviewAt(v, unit, asOf)).toEqual(await supervisionOverview(v, unit, asOf));
                }
                compared++;
              }
            }
          }
          await opened.close();
          handles.splice(handles.indexOf(opened), 1);
        },
      ),
      {
        numRuns: 6,
        endOnFailure: true,
        // One sequence written out (it counts as the first of the runs), so every kind of write goes through at least once
        // whatever the random runs draw.
        examples: [
          [
            [
              [
                { kind: 'submit', county: '340321', period: '2021-07', urban: 1200, at: iso('2021-08-03T10:00') },
                ['2021-08-06', '2021-07-31'],
              ],
              [
                { kind: 'return', county: '340321', period: '2021-07', at: iso('2021-08-04T09:00') },
                ['2021-08-06', '2021-08-20'],
              ],
              [
                { kind: 'roster', county: '341221', lacking: 2, at: iso('2021-09-01T11:00') },
                ['2021-09-10', '2021-08-20'],
              ],
              [{ kind: 'visit', county: '340322', at: iso('2021-10-08T15:00') }, ['2021-10-08', '2021-12-31']],
              [{ kind: 'reinstall', at: iso('2021-08-10T08:00') }, ['2021-08-06', '2021-09-10']],
              [
                { kind: 'urge', county: '340321', period: '2021-07', at: iso('2021-08-05T16:00') },
                ['2021-08-06', '2021-08-20'],
              ],
              [{ kind: 'clock', at: iso('2021-09-10T09:00') }, ['2021-09-10']],
              [{ kind: 'urgeNow', county: '341221', period: '2021-08' }, ['2021-08-20']],
              [{ kind: 'draftNow', county: '340321', period: '2021-09' }, ['2021-08-20']],
              [{ kind: 'itemNow', county: '340322' }, ['2021-09-10']],
              [{ kind: 'dispatchNow', county: '340321' }, ['2021-08-20']],
            ],
          ],
        ],
      },
    );
    expect(compared).toBeGreaterThan(5 * 3 * 2 * 2 - 1);
    expect([...applied].sort()).toEqual(
      expect.arrayContaining([
        'dispatchNow',
        'draftNow',
        'itemNow',
        'reinstall',
        'return',
        'roster',
        'submit',
        'urge',
        'urgeNow',
      ]),
    );
  }, 300_000);
});
