import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { cli } from './support/cli';
import { emptyLocation, freshLocation, tempPath } from './support/fresh-db';

const anhuiFile = new URL('../../../campaigns/anhui-2021.yaml', import.meta.url).pathname;

describe('pnpm cli campaign', () => {
  test('validate accepts the shipped definition and explains a broken one line by line, exit 1', async () => {
    const db = await emptyLocation();
    const ok = cli(['campaign', 'validate', anhuiFile], db);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('活动定义有效：anhui-2021');
    expect(ok.stdout).toContain('11 项任务，55 个指标，5 个关口，6 个报送期');

    const broken = tempPath('broken.yaml');
    writeFileSync(broken, readFileSync(anhuiFile, 'utf8').replace('summaryDue: 2021-12-15', 'summaryDue: 2021-12-32'));
    const bad = cli(['campaign', 'validate', broken], db);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('有 1 处错误');
    expect(bad.stderr).toMatch(/第 \d+ 行 summaryDue：不是日历上存在的日期/);
  });

  test('install adds a new version only when the definition changed; list shows every version', async () => {
    const path = await freshLocation();
    const same = cli(['campaign', 'install', anhuiFile], path);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('anhui-2021 第 1 版与文件相同，未新建版本');

    const changed = tempPath('changed.yaml');
    writeFileSync(changed, readFileSync(anhuiFile, 'utf8').replace('lowScore: 80', 'lowScore: 85'));
    expect(cli(['campaign', 'install', changed], path).stdout).toContain('已安装 anhui-2021 第 2 版');
    expect(cli(['campaign', 'install', changed], path).stdout).toContain('第 2 版与文件相同');

    const listed = cli(['campaign', 'list'], path).stdout.trim().split('\n');
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatch(
      /^anhui-2021 {2}第 1 版 {2}安徽省社会救助工作便民惠民优化服务行动 {2}2021-07-01 至 2021-12-31/,
    );
    expect(listed[1]).toMatch(/^anhui-2021 {2}第 2 版/);
  });
});
