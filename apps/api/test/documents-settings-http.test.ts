import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { errorCode, freshServer, sessionOf, startServer } from './support/http';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;

beforeAll(async () => {
  server = await freshServer();
  await server.setTime('2021-12-14T02:00:00.000Z');
});
afterAll(() => server.close());

const bengbu = {
  docNumber: '蚌民〔2021〕58号',
  signer: '王立新',
  contactName: '李敏',
  contactPhone: '0552-3021234',
  copyTo: '市人民政府办公室，市财政局',
};

describe('document settings per city and for the province', () => {
  test('unset, every field is a blank to fill', async () => {
    const officer = await sessionOf(server.url, 'bengbu');
    expect(await officer.trpc.documentSettings.get.query({ unit: '3403' })).toEqual({
      docNumber: null,
      signer: null,
      contactName: null,
      contactPhone: null,
      copyTo: null,
      recipient: null,
    });
  });

  test('an officer saves its city; each changed field is audited old → new; the generated report prints them', async () => {
    const officer = await sessionOf(server.url, 'bengbu');
    await officer.trpc.documentSettings.save.mutate({ unit: '3403', ...bengbu });
    await officer.trpc.documentSettings.save.mutate({ unit: '3403', ...bengbu, signer: '张华' });
    expect(await officer.trpc.documentSettings.get.query({ unit: '3403' })).toEqual({
      ...bengbu,
      signer: '张华',
      recipient: null,
    });
    const history = await officer.trpc.audit.history.query({ unit: '3403' });
    const signer = history
      .filter((h) => h.action === 'document_settings.save' && h.field === 'signer')
      .map((h) => [h.oldValue, h.newValue]);
    expect(signer).toEqual([
      ['王立新', '张华'],
      [null, '王立新'],
    ]);
    const doc = await officer.trpc.documents.generate.mutate({ kind: 'city', unit: '3403', asOf: '2021-12-13' });
    const preview = await officer.trpc.documents.preview.query({ id: doc.id });
    expect(preview.html).toContain('蚌民〔2021〕58号');
    expect(preview.html).toContain('签发人：张华');
    expect(preview.html).toContain('抄送：市人民政府办公室，市财政局。');
  });

  test('bad input names the field and writes nothing', async () => {
    const officer = await sessionOf(server.url, 'bengbu');
    await expect(officer.trpc.documentSettings.save.mutate({ unit: '3403', docNumber: '58号' })).rejects.toThrow(
      '发文字号须形如',
    );
    await expect(officer.trpc.documentSettings.save.mutate({ unit: '3403', contactPhone: '打电话' })).rejects.toThrow(
      '联系电话',
    );
    await expect(officer.trpc.documentSettings.save.mutate({ unit: '3403', recipient: '民政部' })).rejects.toThrow(
      '主送机关',
    );
    expect((await officer.trpc.documentSettings.get.query({ unit: '3403' })).signer).toBe('张华');
  });

  test('the province sets its 主送机关; a viewer reads but cannot save; an officer cannot touch another city', async () => {
    const admin = await sessionOf(server.url, 'p_admin');
    await admin.trpc.documentSettings.save.mutate({
      unit: '34',
      recipient: '民政部社会救助司',
      docNumber: '皖民救〔2021〕101号',
    });
    const viewer = await sessionOf(server.url, 'p_viewer');
    expect((await viewer.trpc.documentSettings.get.query({ unit: '34' })).recipient).toBe('民政部社会救助司');
    const refused = await viewer.trpc.documentSettings.save
      .mutate({ unit: '34', recipient: '国务院' })
      .catch((e) => errorCode(e));
    expect(refused).toBe('FORBIDDEN');
    const officer = await sessionOf(server.url, 'bengbu');
    expect(
      await officer.trpc.documentSettings.save.mutate({ unit: '3401', signer: '某某' }).catch((e) => errorCode(e)),
    ).toBe('FORBIDDEN');
    const doc = await admin.trpc.documents.generate.mutate({ kind: 'province', unit: '34', asOf: '2021-12-13' });
    expect((await admin.trpc.documents.preview.query({ id: doc.id })).html).toContain('民政部社会救助司：');
  });

  test('a generated report downloads as PDF too, set by LibreOffice with the settings in it', async () => {
    const officer = await sessionOf(server.url, 'bengbu');
    const doc = await officer.trpc.documents.generate.mutate({ kind: 'city', unit: '3403', asOf: '2021-12-13' });
    const res = await fetch(`${server.url}/files/documents/${doc.id}/pdf`, { headers: { cookie: officer.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain('蚌埠市行动总结_2021-12-13.pdf');
    const dir = mkdtempSync(join(tmpdir(), 'dudao-pdf-'));
    writeFileSync(join(dir, 'a.pdf'), Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', [join(dir, 'a.pdf'), '-'])
      .toString()
      .replace(/\s/g, '');
    expect(text).toContain('蚌民〔2021〕58号');
    expect(text).toContain('蚌埠市民政局文件');
  });
});
