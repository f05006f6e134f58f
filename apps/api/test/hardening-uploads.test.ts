import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rosterColumns } from '@dudao/schema/inputs';
import { caseUploads, reportValues, rosterRows, rosterUploads } from '@dudao/schema/tables';
import { villagesOf } from '../src/services/org/units';
import { cli } from './support/cli';
import { csv, xlsx } from './support/files';
import { freshLocation, tempPath } from './support/fresh-db';
import { freshServer, sessionOf, startServer } from './support/http';
import { fingerprint, rawCall } from './support/raw';
import { rosterFor } from './support/roster';
import { zeroBomb, zipWithClaims } from './support/bomb';

const HUAIYUAN = '340321';
let server: Awaited<ReturnType<typeof freshServer>>;
let clerk: string;
let dbPath: string;

function upload(path: string, body: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(body)]), name);
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { cookie: clerk }, body: form });
}
const answer = async (res: Response) => ({
  status: res.status,
  ...((await res.json()) as { error: string; lines?: string[] }),
});
/** A POST on its own connection: the server closes a connection whose body it refused, so it must not be pooled. */
function postOwnSocket(
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; error: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}${path}`,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            ...(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { error: string }),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
const uploads = async () => (await server.db.select({ n: count() }).from(rosterUploads).get())!.n;

beforeAll(async () => {
  dbPath = await freshLocation();
  server = await startServer(dbPath);
  clerk = (await sessionOf(server.url, 'huaiyuan')).cookie;
});
afterAll(() => server.close());

describe('compressed uploads are limited by what they really inflate to', () => {
  test('a 2 MB .xlsx whose sheet declares 1,000 bytes but inflates to 1.9 GB is refused with bounded memory', async () => {
    const packed = zeroBomb(1900);
    const bomb = zipWithClaims([
      { name: '[Content_Types].xml', packed: Buffer.from([0x03, 0x00]), declared: 0 },
      { name: 'xl/worksheets/sheet1.xml', packed, declared: 1000 },
    ]);
    expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
    const before = await fingerprint(server.db);
    const rss = process.memoryUsage().rss;
    // Two at once, as in the finding that killed the API.
    const [a, b] = await Promise.all([
      upload(`/files/roster?county=${HUAIYUAN}`, bomb, '台账.xlsx'),
      upload(`/files/cases?county=${HUAIYUAN}`, bomb, '办件.xlsx'),
    ]);
    expect(process.memoryUsage().rss - rss).toBeLessThan(300 * 1024 * 1024);
    for (const res of [a, b])
      expect(await answer(res)).toMatchObject({
        status: 400,
        error: 'Excel 文件解压后超过 32 MB（疑似压缩炸弹），拒绝处理',
      });
    expect(await fingerprint(server.db)).toEqual(before);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('every route has a body limit and tRPC batches are bounded', () => {
  test('a 1 MB login body and a 2 MB tRPC body are refused with 413 before they are read whole', async () => {
    const login = await postOwnSocket(
      '/auth/login',
      {},
      JSON.stringify({ username: 'a', password: 'x'.repeat(1024 * 1024) }),
    );
    expect(login).toMatchObject({ status: 413, error: '请求内容超过 16 KB，已拒绝' });
    const trpc = await postOwnSocket(
      '/trpc/notices.markRead',
      { cookie: clerk },
      JSON.stringify({ keys: ['k'.repeat(2 * 1024 * 1024)] }),
    );
    expect(trpc).toMatchObject({ status: 413, error: '请求内容超过 1 MB，已拒绝' });
  });

  test('a batch of 21 calls is refused; 20 are answered', async () => {
    const batch = (n: number) => {
      const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { asOf: '2021-08-02' }]));
      return fetch(
        `${server.url}/trpc/${Array.from({ length: n }, () => 'todo.mine').join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`,
        { headers: { cookie: clerk } },
      );
    };
    expect(await answer(await batch(21))).toMatchObject({
      status: 413,
      error: '一次批量请求最多 20 个调用，本次 21 个',
    });
    expect((await batch(20)).status).toBe(200);
  });
});

describe('files real clerks send', () => {
  test('a roster CSV saved by Chinese Excel (GBK, Chinese headers) is decoded and stored with its Chinese names', async () => {
    const rows = await rosterFor(server.db, HUAIYUAN);
    const gbk = iconv.encode(csv(rows).toString('utf8'), 'gbk');
    expect(gbk.includes(Buffer.from('村（社区）代码'))).toBe(false);
    const res = await upload(`/files/roster?county=${HUAIYUAN}`, gbk, '台账.csv');
    expect(res.status).toBe(200);
    const stored = await server.db.select().from(rosterRows).all();
    const villages = await villagesOf({ db: server.db }, HUAIYUAN);
    expect(stored).toHaveLength(villages.length);
    expect(stored.find((r) => r.villageCode === villages[0]!.code)!.villageName).toBe(villages[0]!.name);
  });

  test('a CSV that is neither UTF-8 nor GB18030 is refused as an encoding problem', async () => {
    const res = await upload(`/files/roster?county=${HUAIYUAN}`, Buffer.from([0x61, 0x2c, 0xff, 0xff, 0x0a]), 'x.csv');
    expect(await answer(res)).toMatchObject({ status: 400, error: expect.stringContaining('CSV 文件编码无法识别') });
  });

  test('blank counts are missing, not 0; 0x10 is not 16; duplicated header columns are refused', async () => {
    const before = await uploads();
    const blanks = await rosterFor(server.db, HUAIYUAN, (r, i) =>
      i === 0 ? [r[0]!, r[1]!, '', '是', '0x10', 0, '', 0] : r,
    );
    const res = await answer(await upload(`/files/roster?county=${HUAIYUAN}`, csv(blanks), 'r.csv'));
    expect(res.status).toBe(400);
    expect(res.lines).toEqual([
      '第 2 行 常年救助对象人数：常年救助对象人数未填写（没有时填 0）',
      '第 2 行 社会救助协理员人数：社会救助协理员人数应为不超过 1000000 的非负整数，实际为“0x10”',
    ]);
    const twice = (await rosterFor(server.db, HUAIYUAN)).map((r) => [...r, r[2]!]);
    twice[0]![8] = rosterColumns[2].header;
    expect(await answer(await upload(`/files/roster?county=${HUAIYUAN}`, csv(twice), 'r.csv'))).toMatchObject({
      status: 400,
      error: '表头有重复的列：“常年救助对象人数”（第 3 列和第 9 列），请删除多余的一列后再上传',
    });
    expect(await uploads()).toBe(before);
  });

  test('#DIV/0! and formulas without a cached value are refused with their row and column', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Sheet1');
    for (const r of await rosterFor(server.db, HUAIYUAN)) sheet.addRow(r);
    sheet.getCell('C2').value = { error: '#DIV/0!' };
    sheet.getCell('E3').value = { formula: 'C3/0' };
    const before = await uploads();
    const res = await answer(
      await upload(`/files/roster?county=${HUAIYUAN}`, Buffer.from(await book.xlsx.writeBuffer()), 'r.xlsx'),
    );
    expect(res.status).toBe(400);
    expect(res.lines).toEqual([
      '第 2 行 常年救助对象人数：单元格为错误值 #DIV/0!，请修正后再上传',
      '第 3 行 社会救助协理员人数：单元格是公式但没有计算结果，请在 Excel 中重新计算并保存，或粘贴为数值',
    ]);
    expect(await uploads()).toBe(before);
    // A formula with its cached value is what Excel saves: it is read as that value.
    sheet.getCell('C2').value = { formula: '10+20', result: 30 };
    sheet.getCell('E3').value = 1;
    expect(
      (await upload(`/files/roster?county=${HUAIYUAN}`, Buffer.from(await book.xlsx.writeBuffer()), 'r.xlsx')).status,
    ).toBe(200);
  });

  test('a header-only case log is refused and does not become the current one', async () => {
    const res = await answer(
      await upload(
        `/files/cases?county=${HUAIYUAN}`,
        await xlsx([['case_id', 'kind', 'township_code', 'applied_on', 'decided_on']]),
        'c.xlsx',
      ),
    );
    expect(res).toMatchObject({ status: 400, lines: ['办件台账：文件只有表头、没有办件记录，未导入'] });
    expect((await server.db.select({ n: count() }).from(caseUploads).get())!.n).toBe(0);
    const badDate = await answer(
      await upload(
        `/files/cases?county=${HUAIYUAN}`,
        csv([
          ['case_id', 'kind', 'township_code', 'applied_on', 'decided_on'],
          ['A1', '低保', '340321100', '2021-02-30', ''],
        ]),
        'c.csv',
      ),
    );
    expect(badDate.lines).toContain('第 2 行 申请日期：申请日期应为真实的日历日期 YYYY-MM-DD');
  });
});

describe('exports neutralise formulas and still round-trip', () => {
  test('a comment =cmd|... comes out with a leading quote in CSV and xlsx, and importing the export changes nothing', async () => {
    const comment = "=cmd|' /C calc'!A0";
    const save = await rawCall(server.url, clerk, 'reports.saveDraft', 'mutation', {
      countyCode: HUAIYUAN,
      period: '2021-07',
      version: 0,
      values: { t01_dibao_urban: '1200', 'narrative.T01': '@SUM(1+1)' },
      comments: { t01_dibao_urban: comment },
    });
    expect(save.status).toBe(200);
    const text = await (
      await fetch(`${server.url}/files/values.csv?unit=${HUAIYUAN}`, { headers: { cookie: clerk } })
    ).text();
    expect(text).toContain(`${HUAIYUAN},2021-07,t01_dibao_urban,1200,'=cmd|' /C calc'!A0`);
    expect(text).toContain(`${HUAIYUAN},2021-07,narrative.T01,'@SUM(1+1),`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      await (
        await fetch(`${server.url}/files/values.xlsx?unit=${HUAIYUAN}`, { headers: { cookie: clerk } })
      ).arrayBuffer(),
    );
    const cells = book.worksheets[0]!.getSheetValues()
      .flat()
      .filter((v): v is string => typeof v === 'string');
    expect(cells).toContain(`'${comment}`);
    expect(cells.some((c) => /^[=+\-@]/.test(c))).toBe(false);

    const file = tempPath('values.csv');
    writeFileSync(file, text);
    const before = (await server.db.select({ n: count() }).from(reportValues).get())!.n;
    const r = cli(['import', 'values', file], dbPath);
    expect(r.stdout).toContain('变更 0 项');
    expect((await server.db.select({ n: count() }).from(reportValues).get())!.n).toBe(before);
    expect(
      (await server.db.select().from(reportValues).where(eq(reportValues.field, 't01_dibao_urban')).get())!.comment,
    ).toBe(comment);
  });
});
