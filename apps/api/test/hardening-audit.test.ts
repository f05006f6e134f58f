import { count, like, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditLog } from '@dudao/schema/tables';
import { freshServer, sessionOf } from './support/http';
import { rawCall } from './support/raw';

const HUAIYUAN = '340321';
let server: Awaited<ReturnType<typeof freshServer>>;
let clerk: string;
let version = 0;

async function save(values: Record<string, string>, comments: Record<string, string> = {}) {
  const answer = await rawCall(server.url, clerk, 'reports.saveDraft', 'mutation', {
    countyCode: HUAIYUAN,
    period: '2021-07',
    version,
    values,
    comments,
  });
  expect(answer.status).toBe(200);
  version += 1;
}
const unitRows = async () =>
  (await server.db
    .select({ n: count() })
    .from(auditLog)
    .where(like(auditLog.unitCode, `${HUAIYUAN}%`))
    .get())!.n;

beforeAll(async () => {
  server = await freshServer();
  clerk = (await sessionOf(server.url, 'huaiyuan')).cookie;
});
afterAll(() => server.close());

describe('audit', () => {
  test('a comment-only change is audited as the comment old → new, never as a row whose old equals new', async () => {
    await save({ t01_dibao_urban: '1200' }, { t01_dibao_urban: '年初口径' });
    await save({ t01_dibao_urban: '1200' }, { t01_dibao_urban: '=1+1 调整口径' });
    expect(
      (await server.db
        .select({ n: count() })
        .from(auditLog)
        .where(sql`${auditLog.oldValue} = ${auditLog.newValue}`)
        .get())!.n,
    ).toBe(0);
    // In the order they were written (PostgreSQL returns rows unordered without ORDER BY).
    const comments = await server.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.action} = 'report.comment'`)
      .orderBy(auditLog.id)
      .all();
    expect(comments.map((c) => [c.oldValue, c.newValue])).toEqual([
      [null, '年初口径'],
      ['年初口径', '=1+1 调整口径'],
    ]);
  });

  test('audit.history pages through every entry with its cursor, without gaps or repeats', async () => {
    for (let n = 0; n < 26; n++) {
      await save(
        Object.fromEntries(
          [
            't01_dibao_urban',
            't01_dibao_rural',
            't01_tekun',
            't04_monitored_persons',
            't05_grid_workers',
            't11_materials',
            't09_dispersed_tekun',
            't02_incapable_identified',
            't01_special_aid_households',
            't03_temp_aid_cases',
            't07_persons_served',
            't11_publicity_events',
            't04_warnings_issued',
            't05_hotline_orders',
            't06_certificates_cancelled',
            't08_migrants_included',
            't09_care_agreements',
            't11_media_reports',
            't02_gradual_exit_households',
            't03_nonlocal_cases',
          ].map((f, i) => [f, String(100 + n * 20 + i)]),
        ),
      );
    }
    const total = await unitRows();
    expect(total).toBeGreaterThan(500);
    const first = await rawPage({ unit: HUAIYUAN });
    expect(first).toHaveLength(500);
    const seen: { id: number; at: string }[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await rawPage({ unit: HUAIYUAN, limit: 120, cursor });
      seen.push(...page);
      if (page.length < 120) break;
      cursor = `${page.at(-1)!.at}|${page.at(-1)!.id}`;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((e) => e.id)).size).toBe(total);
  });

  test('an auditor exports the whole trail to CSV and xlsx, formulas neutralised', async () => {
    const total = await unitRows();
    const res = await fetch(`${server.url}/files/audit.csv?unit=${HUAIYUAN}`, { headers: { cookie: clerk } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent(`审计记录_${HUAIYUAN}.csv`));
    const text = await res.text();
    expect(text.trim().split('\n')).toHaveLength(total + 1);
    expect(text).toContain("'=1+1 调整口径");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      await (
        await fetch(`${server.url}/files/audit.xlsx?unit=${HUAIYUAN}`, { headers: { cookie: clerk } })
      ).arrayBuffer(),
    );
    expect(book.worksheets[0]!.rowCount).toBe(total + 1);
    expect((await fetch(`${server.url}/files/audit.csv?unit=340322`, { headers: { cookie: clerk } })).status).toBe(403);
    expect((await fetch(`${server.url}/files/audit.csv?unit=34'--`, { headers: { cookie: clerk } })).status).toBe(400);
  });
});

async function rawPage(input: Record<string, unknown>) {
  const res = await fetch(`${server.url}/trpc/audit.history?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { cookie: clerk },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { data: { id: number; at: string }[] } }).result.data;
}
