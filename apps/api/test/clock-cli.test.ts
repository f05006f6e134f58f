import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { reportSubmissions } from '@dudao/schema/tables';
import { openDb } from '../src/db/client';
import { cli } from './support/cli';
import { freshLocation, tempPath } from './support/fresh-db';
import { header, julyValues, lines } from './support/report-values';
import { csv } from './support/files';

let db: string;
let file: string;

beforeAll(async () => {
  db = await freshLocation();
  file = tempPath('july.csv');
  writeFileSync(file, csv([header, ...lines('340321', '2021-07', julyValues)]));
});

const submittedAt = async () => {
  const opened = await openDb(db);
  try {
    return (await opened.db.select({ at: reportSubmissions.submittedAt }).from(reportSubmissions).all()).map(
      (r) => r.at,
    );
  } finally {
    await opened.close();
  }
};

describe('pnpm cli clock', () => {
  test('a fresh database runs on real time', () => {
    const r = cli(['clock'], db);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^真实时间：/);
  });

  test('clock set starts a simulated clock there; an import without --at is stamped by it', async () => {
    const set = cli(['clock', 'set', '2021-08-04T09:00:00+08:00'], db);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('已设定模拟时钟');
    expect(set.stdout).toContain('2021-08-04 09:00:00（北京时间）');
    expect(cli(['clock'], db).stdout).toContain('查看日期默认 2021-08-04');

    const imported = cli(['import', 'values', file, '--submit'], db);
    expect(imported.code).toBe(0);
    const [at] = await submittedAt();
    // The clock runs on from 09:00 Beijing (01:00 UTC) as the test runs, so the stamp lies just after it, on that day.
    expect(at! >= '2021-08-04T01:00:00.000Z' && at! < '2021-08-04T02:00:00.000Z').toBe(true);
    expect(imported.stdout).toContain(`记录时间 ${at}`);
  });

  test("a back-filled --at after the clock is refused, and status defaults to the clock's day and refuses a later one", () => {
    const late = cli(['import', 'values', file, '--at', '2021-08-20T09:00:00+08:00'], db);
    expect(late.code).toBe(1);
    expect(late.stderr).toContain('记录时间（--at）2021-08-20T01:00:00.000Z 晚于活动时钟');
    expect(cli(['status'], db).stdout).toContain('安徽省 截至 2021-08-04');
    const ahead = cli(['status', '--as-of', '2021-08-05'], db);
    expect(ahead.code).toBe(1);
    expect(ahead.stderr).toContain('查看日期 2021年8月5日 晚于活动时钟的日期 2021年8月4日');
  });

  test('clock real returns to real time; a bad instant is refused', () => {
    const bad = cli(['clock', 'set', '2021-13-01'], db);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('时钟时间格式无效');
    const real = cli(['clock', 'real'], db);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/^已恢复真实时间：/);
  });
});
