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
import { reportListAt, urgeCountsAt } from '../src/services/known/overview-answers';
import { recordVisit } from '../src/services/supervision/visits';
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
    } else if (w.kind === 'reinstall') {
      await installCampaign(ctx, ctx.campaign, w.at);
      return { ...ctx, campaign: await currentCampaign(ctx, ctx.campaign.code) };
    } else {
      await setClock(ctx, { at: w.at, mode: 'frozen' });
    }
  }
  return ctx;
}

describe('the incremental status answer and the answers kept for settled days', () => {
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
            for (const asOf of dates) {
              for (const v of [versions[0]!, ctx]) {
                const cached = await provinceStatusAt(v, asOf);
                expect(cached).toEqual(await computeProvinceStatusAt(v, asOf));
                // The answers kept for a settled day (past-answers.ts) against the same read made afresh.
                expect(await reportListAt(v, '34', { asOf })).toEqual(await reportsWithin(v, '34', { asOf }));
                expect(await urgeCountsAt(v, '34', asOf)).toEqual(await urgeCounts(v, '34', asOf));
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
            ],
          ],
        ],
      },
    );
    expect(compared).toBeGreaterThan(5 * 3 * 2 * 2 - 1);
    expect([...applied].sort()).toEqual(expect.arrayContaining(['reinstall', 'return', 'roster', 'submit', 'urge']));
  }, 300_000);
});
