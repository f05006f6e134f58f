import { count, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { auditLog, rosterUploads } from '@dudao/schema/tables';
import { serviceContext } from '../src/services/context';
import { villagesOf } from '../src/services/org/units';
import { xlsx } from './support/files';
import { login, PASSWORD, sessionOf, freshServer, startServer } from './support/http';
import { rosterFor } from './support/roster';
import { makeZip } from './support/zip';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;
let clerkCookie: string;
let officerCookie: string;

function upload(path: string, body: Buffer, name: string, cookie = clerkCookie) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(body)]), name);
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { cookie }, body: form });
}
const uploads = async () => (await server.db.select({ n: count() }).from(rosterUploads).get())!.n;
const ctx = () => serviceContext(server.db, builtinCampaign('anhui-2021'));

beforeAll(async () => {
  server = await freshServer();
  clerkCookie = (await sessionOf(server.url, 'huaiyuan')).cookie;
  officerCookie = (await sessionOf(server.url, 'bengbu')).cookie;
});
afterAll(() => server.close());

describe('file routes', () => {
  test('the roster template lists every village of the county under the Chinese headers', async () => {
    const res = await fetch(`${server.url}/files/roster-template?county=340321`, { headers: { cookie: clerkCookie } });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '村（社区）代码',
      '村（社区）名称',
      '常年救助对象人数',
      '明确民政工作负责人',
      '社会救助协理员人数',
      '其中专职人数',
      '协理员月均报酬（元）',
      '社会救助服务站（点）数',
    ]);
    expect(sheet.rowCount - 1).toBe((await villagesOf(ctx(), '340321')).length);
  });

  test('a valid roster upload is stored and audited; one bad row rejects the whole file, naming the row', async () => {
    await server.setTime('2021-09-01T02:00:00.000Z');
    const good = await upload(
      '/files/roster?county=340321',
      await xlsx(await rosterFor(server.db, '340321')),
      '台账.xlsx',
    );
    expect(good.status).toBe(200);
    expect(await uploads()).toBe(1);
    expect(await server.db.select().from(auditLog).where(eq(auditLog.action, 'roster.upload')).all()).toHaveLength(1);

    const bad = await upload(
      '/files/roster?county=340321',
      await xlsx(
        await rosterFor(server.db, '340321', (r, i) => (i === 2 ? [r[0]!, r[1]!, 30, '是', 1, 3, 1200, 0] : r)),
      ),
      '台账.xlsx',
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { lines: string[] }).lines).toEqual([
      '第 4 行 其中专职人数：其中专职人数不能大于社会救助协理员人数',
    ]);
    expect(await uploads()).toBe(1);
  });

  test('files over 10 MB, files that are not spreadsheets and zip bombs are refused', async () => {
    const big = await upload('/files/roster?county=340321', Buffer.alloc(11 * 1024 * 1024, 0x41), 'big.csv');
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: string }).error).toBe('文件超过 10 MB，请拆分后上传');

    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
      Buffer.alloc(100),
    ]);
    const notSheet = await upload('/files/roster?county=340321', png, 'photo.png');
    expect(notSheet.status).toBe(400);
    expect(((await notSheet.json()) as { error: string }).error).toBe('文件不是电子表格（应为 .xlsx 或 .csv）');

    const bomb = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(300 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const refused = await upload('/files/roster?county=340321', bomb, 'bomb.xlsx');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toBe(
      'Excel 文件解压后超过 32 MB（疑似压缩炸弹），拒绝处理',
    );
    expect(await uploads()).toBe(1);
  });

  test('uploads and exports outside the caller’s scope are refused', async () => {
    const foreign = await upload(
      '/files/cases?county=340322',
      Buffer.from('case_id,kind,township_code,applied_on,decided_on\n'),
      'c.csv',
    );
    expect(foreign.status).toBe(403);
    const officerUpload = await upload(
      '/files/roster?county=340321',
      await xlsx(await rosterFor(server.db, '340321')),
      'r.xlsx',
      officerCookie,
    );
    expect(officerUpload.status).toBe(403);
    const exportOutside = await fetch(`${server.url}/files/values.csv?unit=3401`, {
      headers: { cookie: officerCookie },
    });
    expect(exportOutside.status).toBe(403);
    const exportInside = await fetch(`${server.url}/files/values.csv`, { headers: { cookie: officerCookie } });
    expect(exportInside.status).toBe(200);
    const bytes = Buffer.from(await exportInside.arrayBuffer());
    // A BOM first, so Excel opens the Chinese text as UTF-8
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\n')[0]).toBe('unit_code,period,indicator,value,comment');
  });
});

describe('security', () => {
  test('sessions are httpOnly, SameSite=Lax cookies', async () => {
    const { setCookie } = await login(server.url, 'huaiyuan');
    expect(setCookie).toMatch(/^dudao_session=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  test('five failed logins from one address make that address wait, even for the right password; other addresses are not held', async () => {
    const from = (address: string, username: string, password: string) =>
      fetch(`${server.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ username, password }),
      });
    for (let i = 0; i < 5; i++) expect((await from('10.9.0.1', 'p_viewer', 'wrong-password')).status).toBe(401);
    const held = await from('10.9.0.1', 'p_viewer', PASSWORD);
    expect(held.status).toBe(429);
    expect(((await held.json()) as { error: string }).error).toBe('该电脑登录失败次数过多，请 15 秒后再试');
    expect((await from('10.9.0.2', 'p_viewer', PASSWORD)).status).toBe(200);
  });

  test('a mutation from a foreign Origin is refused, from our own host accepted', async () => {
    const body = JSON.stringify({ keys: ['evt:1'] });
    const post = (origin: string) =>
      fetch(`${server.url}/trpc/notices.markRead`, {
        method: 'POST',
        headers: { cookie: clerkCookie, origin, 'content-type': 'application/json' },
        body,
      });
    const foreign = await post('http://evil.example');
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: string }).error).toBe('拒绝跨站请求');
    expect((await post(server.url)).status).toBe(200);
  });

  test('an unexpected failure answers 500 with a request id and no stack trace', async () => {
    await server.db.run(sql`drop table notice_reads`);
    const res = await fetch(
      `${server.url}/trpc/notices.mine?input=${encodeURIComponent(JSON.stringify({ asOf: '2021-09-01' }))}`,
      { headers: { cookie: clerkCookie, 'x-request-id': 'req-42' } },
    );
    expect(res.status).toBe(500);
    const text = await res.text();
    // The id is the server's own, never the client's header.
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(text).toContain(`服务器内部错误，请联系管理员（请求编号 ${id}）`);
    expect(text).not.toContain('req-42');
    expect(text).not.toMatch(/notice_reads|at .*\.ts|stack/);
  });
});
