import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { shippedCampaigns } from '../src/services/seed/reset';
import { cli } from './support/cli';
import { csv } from './support/files';
import { freshLocation, tempPath } from './support/fresh-db';
import { header, julyValues, lines } from './support/report-values';

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
