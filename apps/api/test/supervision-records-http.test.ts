import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditLog, supervisionVisits } from '@dudao/schema/tables';
import { photoPng, renamedExe, scanPdf } from './support/evidence-files';
import { errorCode, freshServer, sessionOf, startServer } from './support/http';

type Server = Awaited<ReturnType<typeof startServer>>;
type Session = Awaited<ReturnType<typeof sessionOf>>;
let server: Server;
let officer: Session, admin: Session, clerk: Session;
const at = (local: string) => new Date(`${local}+08:00`).toISOString();
const visitInput = {
  countyCode: '340321',
  byLevel: 'city' as const,
  visitors: '市民政局 王某等2人',
  findings: '3个村未配备协理员',
};

function closeWithFiles(itemId: number, evidence: string, files: [Buffer, string][], cookie = officer.cookie) {
  const form = new FormData();
  form.append('evidence', evidence);
  for (const [content, name] of files) form.append('file', new Blob([new Uint8Array(content)]), name);
  return fetch(`${server.url}/files/items/${itemId}/close`, { method: 'POST', headers: { cookie }, body: form });
}

beforeAll(async () => {
  server = await freshServer();
  officer = await sessionOf(server.url, 'bengbu');
  admin = await sessionOf(server.url, 'p_admin');
  clerk = await sessionOf(server.url, 'huaiyuan');
});
afterAll(() => server.close());

describe('visit dates', () => {
  test('a visit dated after today (the clock 2021-11-15) is refused with a Chinese message, and nothing is written', async () => {
    await server.setTime(at('2021-11-15T10:00:00'));
    const error = await officer.trpc.supervision.recordVisit
      .mutate({ ...visitInput, visitedOn: '2021-11-16' })
      .catch((e: unknown) => e);
    expect(errorCode(error)).toBe('BAD_REQUEST');
    expect((error as Error).message).toBe('督导日期：2021-11-16 晚于今天（2021-11-15），不能登记尚未发生的督导');
    expect(await server.db.select().from(supervisionVisits).all()).toHaveLength(0);
  });

  test('a visit outside the campaign (2027-06-01, 2021-06-30) is refused', async () => {
    await server.setTime(at('2027-06-02T10:00:00'));
    await expect(
      officer.trpc.supervision.recordVisit.mutate({ ...visitInput, visitedOn: '2027-06-01' }),
    ).rejects.toThrow('不在行动期间（2021-07-01 至 2021-12-31）内');
    await server.setTime(at('2021-11-15T10:00:00'));
    await expect(
      officer.trpc.supervision.recordVisit.mutate({ ...visitInput, visitedOn: '2021-06-30' }),
    ).rejects.toThrow('不在行动期间');
  });

  test('today itself is accepted', async () => {
    expect(await officer.trpc.supervision.recordVisit.mutate({ ...visitInput, visitedOn: '2021-11-15' })).toMatchObject(
      { visitedOn: '2021-11-15' },
    );
  });
});

describe('correcting and voiding (作废) with a reason, the old version kept', () => {
  test('a wrong visit date is corrected: the list shows the new date, the first recording and the audit keep the old one', async () => {
    await server.setTime(at('2021-11-16T09:00:00'));
    const visit = await officer.trpc.supervision.recordVisit.mutate({
      ...visitInput,
      visitedOn: '2021-11-16',
      findings: '台账不全',
    });
    await expect(
      officer.trpc.supervision.correct.mutate({
        target: 'visit',
        id: visit.id,
        reason: '',
        changes: { visitedOn: '2021-11-12' },
      }),
    ).rejects.toThrow('更正须写明原因');
    await server.setTime(at('2021-11-17T09:00:00'));
    await expect(
      officer.trpc.supervision.correct.mutate({
        target: 'visit',
        id: visit.id,
        reason: '录入错误',
        changes: { visitedOn: '2021-11-20' },
      }),
    ).rejects.toThrow('晚于今天');
    await officer.trpc.supervision.correct.mutate({
      target: 'visit',
      id: visit.id,
      reason: '督导日期录入错误，实为11月12日',
      changes: { visitedOn: '2021-11-12' },
    });

    const shown = (await officer.trpc.supervision.list.query({ unit: '340321', asOf: '2021-11-17' })).find(
      (v) => v.id === visit.id,
    )!;
    expect(shown).toMatchObject({ visitedOn: '2021-11-12', voided: false });
    expect(shown.revisions).toEqual([
      expect.objectContaining({
        action: 'correct',
        changes: { visitedOn: '2021-11-12' },
        reason: '督导日期录入错误，实为11月12日',
      }),
    ]);
    expect(
      (await server.db.select().from(supervisionVisits).where(eq(supervisionVisits.id, visit.id)).get())!.visitedOn,
    ).toBe('2021-11-16');
    const audit = await server.db.select().from(auditLog).where(eq(auditLog.action, 'supervision.correct')).all();
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: 'bengbu', field: '督导日期', oldValue: '2021-11-16', newValue: '2021-11-12' }),
      ]),
    );
    // Replayed as of the day before the correction, the visit shows as first recorded.
    expect(
      (await officer.trpc.supervision.list.query({ unit: '340321', asOf: '2021-11-16' })).find(
        (v) => v.id === visit.id,
      ),
    ).toMatchObject({ visitedOn: '2021-11-16', revisions: [] });
  });

  test('a voided item stays listed as 作废 with its reason, counts nowhere, and cannot be closed', async () => {
    await server.setTime(at('2021-11-18T09:00:00'));
    const visit = await officer.trpc.supervision.recordVisit.mutate({ ...visitInput, visitedOn: '2021-11-18' });
    await expect(
      officer.trpc.supervision.addItem.mutate({
        visitId: visit.id,
        description: '整改',
        owner: '县民政局',
        dueOn: '2021-11-17',
      }),
    ).rejects.toThrow('整改期限：2021-11-17 早于督导日期（2021-11-18）');
    const item = await officer.trpc.supervision.addItem.mutate({
      visitId: visit.id,
      description: '重复录入的事项',
      owner: '怀远县民政局',
      dueOn: '2021-11-25',
    });
    await officer.trpc.supervision.void.mutate({ target: 'item', id: item.id, reason: '与第一项重复' });
    const shown = (await officer.trpc.supervision.list.query({ unit: '340321', asOf: '2021-11-18' })).find(
      (v) => v.id === visit.id,
    )!;
    expect(shown.items[0]).toMatchObject({
      description: '重复录入的事项',
      voided: true,
      voidReason: '与第一项重复',
      overdue: false,
    });
    await expect(
      officer.trpc.supervision.closeItem.mutate({ itemId: item.id, evidence: '已整改完毕' }),
    ).rejects.toThrow('该整改事项已作废');
    await expect(
      officer.trpc.supervision.void.mutate({ target: 'item', id: item.id, reason: '再次作废' }),
    ).rejects.toThrow('已作废');
    expect(await server.db.select().from(auditLog).where(eq(auditLog.action, 'supervision.void')).all()).toEqual([
      expect.objectContaining({ field: '作废', oldValue: '有效', newValue: '作废：与第一项重复' }),
    ]);
  });

  test('a county clerk may not void the records of its own county', async () => {
    const visit = (await admin.trpc.supervision.list.query({ unit: '340321' }))[0]!;
    const clerkError = await clerk.trpc.supervision.void
      .mutate({ target: 'visit', id: visit.id, reason: '试图作废' })
      .catch((e: unknown) => e);
    expect(errorCode(clerkError)).toBe('FORBIDDEN');
  });
});

describe('overdue rectification items (逾期未整改)', () => {
  test('an open item due 11-30 is overdue from 12-01, counted for 蚌埠市 and the province; closed on 12-03 it no longer is', async () => {
    await server.setTime(at('2021-11-20T09:00:00'));
    const visit = await officer.trpc.supervision.recordVisit.mutate({
      ...visitInput,
      countyCode: '340322',
      visitedOn: '2021-11-20',
    });
    const item = await officer.trpc.supervision.addItem.mutate({
      visitId: visit.id,
      description: '补齐2个村协理员',
      owner: '五河县民政局',
      dueOn: '2021-11-30',
    });
    const overdueOf = async (asOf: string, unit: string) =>
      (await admin.trpc.supervision.overview.query({ unit, asOf })).total.overdue;
    await server.setTime(at('2021-12-01T09:00:00'));

    expect(await overdueOf('2021-11-30', '3403')).toBe(0);
    expect(await overdueOf('2021-12-01', '3403')).toBe(1);
    const province = await admin.trpc.supervision.overview.query({ unit: '34', asOf: '2021-12-01' });
    expect(province.total.overdue).toBe(1);
    expect(province.parts.find((p) => p.code === '3403')).toMatchObject({ name: '蚌埠市', overdue: 1 });
    expect(province.overdueItems).toEqual([
      expect.objectContaining({ id: item.id, countyCode: '340322', dueOn: '2021-11-30' }),
    ]);

    await server.setTime(at('2021-12-03T09:00:00'));
    await officer.trpc.supervision.closeItem.mutate({ itemId: item.id, evidence: '2个村已选聘协理员' });
    expect(await overdueOf('2021-12-02', '3403')).toBe(1);
    expect(await overdueOf('2021-12-03', '3403')).toBe(0);
  });
});

describe('evidence files on 销号', () => {
  test('a real PNG and a PDF are stored with the item and download byte for byte', async () => {
    await server.setTime(at('2021-11-22T09:00:00'));
    const visit = await officer.trpc.supervision.recordVisit.mutate({ ...visitInput, visitedOn: '2021-11-22' });
    const item = await officer.trpc.supervision.addItem.mutate({
      visitId: visit.id,
      description: '服务站挂牌',
      owner: '怀远县民政局',
      dueOn: '2021-12-10',
    });
    const png = photoPng();
    const pdf = scanPdf();
    const res = await closeWithFiles(item.id, '服务站已挂牌，附照片和验收单', [
      [png, '挂牌照片.png'],
      [pdf, '验收单.pdf'],
    ]);
    expect(res.status).toBe(200);
    const shown = (await clerk.trpc.supervision.list.query({ unit: '340321' })).find((v) => v.id === visit.id)!
      .items[0]!;
    expect(shown).toMatchObject({ status: 'done', evidence: '服务站已挂牌，附照片和验收单' });
    expect(shown.files.map((f) => [f.fileName, f.mediaType, f.size])).toEqual([
      ['挂牌照片.png', 'image/png', png.length],
      ['验收单.pdf', 'application/pdf', pdf.length],
    ]);
    const download = await fetch(`${server.url}/files/evidence/${shown.files[1]!.id}`, {
      headers: { cookie: clerk.cookie },
    });
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
  });

  test('a program renamed to .png is refused, and the item stays open without any file', async () => {
    const visit = await officer.trpc.supervision.recordVisit.mutate({ ...visitInput, visitedOn: '2021-11-22' });
    const item = await officer.trpc.supervision.addItem.mutate({
      visitId: visit.id,
      description: '公示栏更新',
      owner: '怀远县民政局',
      dueOn: '2021-12-10',
    });
    const res = await closeWithFiles(item.id, '已更新公示栏', [
      [photoPng(), '公示栏.png'],
      [renamedExe(), '现场照片.png'],
    ]);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe(
      '佐证文件“现场照片.png”不是图片（PNG、JPEG、WebP）或 PDF 文件',
    );
    const shown = (await officer.trpc.supervision.list.query({ unit: '340321' })).find((v) => v.id === visit.id)!
      .items[0]!;
    expect(shown).toMatchObject({ status: 'open', files: [] });
  });

  test('a county clerk may not close an item (403)', async () => {
    const visit = (await officer.trpc.supervision.list.query({ unit: '340321' })).find((v) =>
      v.items.some((i) => i.status === 'open' && !i.voided),
    )!;
    const open = visit.items.find((i) => i.status === 'open' && !i.voided)!;
    expect((await closeWithFiles(open.id, '已整改', [], clerk.cookie)).status).toBe(403);
  });
});
