import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { openDb } from '../src/db/client';
import { shippedCampaigns } from '../src/services/seed/reset';
import { cli } from './support/cli';
import { csv } from './support/files';
import { freshLocation, tempPath } from './support/fresh-db';
import { header, julyValues, lines } from './support/report-values';
import { rosterFor } from './support/roster';

const campaigns = fileURLToPath(new URL('../../../campaigns/', import.meta.url));
let db: string;
let dir: string;

beforeAll(async () => {
  db = await freshLocation();
  dir = dirname(tempPath());
  const installed = cli(['campaign', 'install', join(campaigns, 'anhui-2022.yaml')], db);
  expect(installed.code).toBe(0);
});

describe('an import without --campaign takes the campaign its rows and --at name', () => {
  test('a 2021 July file at 2021-08-03 goes to anhui-2021 although anhui-2022 starts later', () => {
    writeFileSync(join(dir, 'july-default.csv'), csv([header, ...lines('340321', '2021-07', julyValues)]));
    const r = cli(['import', 'values', join(dir, 'july-default.csv'), '--at', '2021-08-03T09:00:00+08:00'], db);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('导入成功');
  });

  test('a 2022 quarter at 2021-08-03 names no begun campaign: one line asks for --campaign with the candidates', () => {
    writeFileSync(join(dir, 'q1.csv'), csv([header, ['340321', '2022-Q1', 't01_dibao_urban', '1200', '']]));
    const r = cli(['import', 'values', join(dir, 'q1.csv'), '--at', '2021-08-03T09:00:00+08:00'], db);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      '错误：请用 --campaign 指定活动：没有已开始的活动包含文件中的期间（可选：anhui-2021）',
    ]);
  });
});

describe('files that name no period, and files two campaigns could hold', () => {
  test('a roster names no period: it goes to the campaign running on its day, not to the one begun later', async () => {
    const opened = await openDb(db);
    const rows = await rosterFor(opened.db, '340321');
    await opened.close();
    writeFileSync(join(dir, 'roster-default.csv'), csv(rows));
    const at = ['--at', '2021-08-20T10:00:00+08:00'];
    const r = cli(['import', 'roster', join(dir, 'roster-default.csv'), '--county', '340321', ...at], db);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // anhui-2022 starts on 2022-01-01: on 2021-08-20 only anhui-2021 runs, so the roster is its: the county's
    // coordinator coverage there is now a figure, where the fresh database had none.
    const shown = cli(
      ['status', '--unit', '340321', '--as-of', '2021-08-20', '--campaign', 'anhui-2021', '--json'],
      db,
    );
    expect(shown.code, shown.stderr).toBe(0);
    const county = (JSON.parse(shown.stdout) as { counties: { indicators: Record<string, { value: unknown }> }[] })
      .counties[0]!;
    expect(county.indicators.t10_coordinator_coverage?.value).toEqual(expect.any(Number));
  });

  test('a July 2021 file when two begun campaigns hold July 2021: one line naming both, and nothing imported', async () => {
    const both = await freshLocation();
    const twin = readFileSync(join(campaigns, 'anhui-2021.yaml'), 'utf8')
      .replace(/^code: anhui-2021$/m, 'code: anhui-2021-pilot')
      .replace(/^name: (.*)$/m, 'name: $1（试点）');
    writeFileSync(join(dir, 'pilot.yaml'), twin);
    expect(cli(['campaign', 'install', join(dir, 'pilot.yaml')], both).code).toBe(0);
    writeFileSync(join(dir, 'july-both.csv'), csv([header, ...lines('340321', '2021-07', julyValues)]));
    const r = cli(['import', 'values', join(dir, 'july-both.csv'), '--at', '2021-08-03T09:00:00+08:00'], both);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      '错误：请用 --campaign 指定活动：文件可属于多个活动（可选：anhui-2021、anhui-2021-pilot）',
    ]);
    const shown = cli(
      ['status', '--unit', '340321', '--as-of', '2021-08-03', '--campaign', 'anhui-2021', '--json'],
      both,
    );
    const county = (JSON.parse(shown.stdout) as { counties: { indicators: Record<string, { value: unknown }> }[] })
      .counties[0]!;
    expect(county.indicators.t01_dibao_urban?.value).toBeNull();
  });
});

describe('db:reset --no-demo installs the real plans only', () => {
  // The reset itself loads the whole division tree (minutes on a busy machine); what it installs is this choice.
  test('without --campaign: anhui-2021 alone, the demo-only anhui-2022 (demo: true) only beside the demo', () => {
    expect(shippedCampaigns({ demo: false }).map((c) => c.code)).toEqual(['anhui-2021']);
    expect(shippedCampaigns({ demo: true }).map((c) => c.code)).toEqual(['anhui-2021', 'anhui-2022']);
  });

  test('with --campaign: exactly the plans named (the demo adds the one its data needs)', () => {
    expect(shippedCampaigns({ demo: false, campaigns: ['anhui-2022'] }).map((c) => c.code)).toEqual(['anhui-2022']);
    expect(shippedCampaigns({ demo: true, campaigns: ['anhui-2022'] }).map((c) => c.code)).toEqual([
      'anhui-2021',
      'anhui-2022',
    ]);
  });
});
