import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { townshipsOf } from '../src/services/org/units';
import { freshServer, sessionOf, startServer } from './support/http';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;
let cookie: string;

beforeAll(async () => {
  server = await freshServer();
  cookie = (await sessionOf(server.url, 'huaiyuan')).cookie;
});
afterAll(() => server.close());

describe('the case-log template', () => {
  test('downloads with the Chinese headers, lists the townships, and once filled in uploads as it is', async () => {
    const res = await fetch(`${server.url}/files/cases-template?county=340321`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain('怀远县办件台账模板.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('办件台账')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '案件编号', '类别', '乡镇（街道）代码', '申请日期', '办结日期']);
    const townships = await townshipsOf({ db: server.db }, ['340321']);
    const help = book.getWorksheet('填写说明')!;
    expect(help.getColumn(1).values).toEqual(expect.arrayContaining(townships.map((t) => t.code)));

    sheet.addRow(['HY-001', '低保', townships[0]!.code, '2021-10-08', '2021-10-29']);
    sheet.addRow(['HY-002', '特困', townships[0]!.code, '2021-10-12', '']);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await book.xlsx.writeBuffer())]), '办件台账.xlsx');
    const upload = await fetch(`${server.url}/files/cases?county=340321`, {
      method: 'POST',
      headers: { cookie },
      body: form,
    });
    expect(upload.status).toBe(200);
    expect(await upload.json()).toMatchObject({ rows: 2 });
  });

  test('a template of a county outside the scope is refused', async () => {
    const res = await fetch(`${server.url}/files/cases-template?county=340322`, { headers: { cookie } });
    expect(res.status).toBe(403);
  });
});
