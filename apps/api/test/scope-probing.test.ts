import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { systemActor } from '../src/services/actor';
import { serviceContext } from '../src/services/context';
import { createUser } from '../src/services/users/accounts';
import { issueDispatch } from '../src/services/dispatch/issue';
import { storeAttachment } from '../src/services/dispatch/files';
import { storeDocument } from '../src/services/documents/stored';
import { addItem, closeItem, recordVisit } from '../src/services/supervision/visits';
import { photoPng } from './support/evidence-files';
import { errorCode, freshServer, PASSWORD, sessionOf } from './support/http';

type Session = Awaited<ReturnType<typeof sessionOf>>;
let server: Awaited<ReturnType<typeof freshServer>>;
let bengbu: Session, huaiyuan: Session, yaohai: Session;

async function refusal(p: Promise<unknown>): Promise<{ code: string | undefined; message: string }> {
  try {
    await p;
  } catch (e) {
    return { code: errorCode(e), message: (e as Error).message };
  }
  throw new Error('expected a refusal');
}

beforeAll(async () => {
  server = await freshServer();
  await createUser(
    serviceContext(server.db, builtinCampaign('anhui-2021'), systemActor),
    { username: 'yaohai', role: 'county_clerk', scopeCode: '340102', displayName: '瑶海区填报员', password: PASSWORD },
    '2021-07-01T00:00:00.000Z',
  );
  bengbu = await sessionOf(server.url, 'bengbu');
  huaiyuan = await sessionOf(server.url, 'huaiyuan');
  yaohai = await sessionOf(server.url, 'yaohai');
});
afterAll(() => server.close());

describe('a record outside the scope reads the same as one that does not exist', () => {
  test('蚌埠市 asking for 合肥市 (3401) and for a city that is not there (3499) hears the same, with no code in it', async () => {
    const hefei = await refusal(bengbu.trpc.status.at.query({ asOf: '2021-09-30', unit: '3401' }));
    const none = await refusal(bengbu.trpc.status.at.query({ asOf: '2021-09-30', unit: '3499' }));
    expect(hefei).toEqual(none);
    expect(hefei.code).toBe('FORBIDDEN');
    expect(hefei.message).not.toMatch(/34\d\d/);
  });

  test('a file route answers the same for 瑶海区 (340102) and for 349999', async () => {
    const get = (unit: string) =>
      fetch(`${server.url}/files/audit.csv?unit=${unit}`, { headers: { cookie: huaiyuan.cookie } });
    const [other, none] = await Promise.all([get('340102'), get('349999')]);
    expect(other.status).toBe(none.status);
    const [a, b] = [await other.text(), await none.text()];
    expect(a).toBe(b);
    expect(a).not.toContain('340102');
  });

  test("another county's 督办单 and a number never issued answer alike (404, no county named)", async () => {
    await server.setTime('2021-09-28T02:00:00.000Z');
    const { id } = await bengbu.trpc.dispatch.issue.mutate({
      counties: ['340321'],
      title: '补齐协理员',
      matter: '请于期限内补齐村级协理员',
      level: 'key',
      deadline: '2021-10-12',
    });
    const theirs = await refusal(yaohai.trpc.dispatch.get.query({ id, asOf: '2021-09-28' }));
    const never = await refusal(yaohai.trpc.dispatch.get.query({ id: id + 1000, asOf: '2021-09-28' }));
    expect(theirs.code).toBe('NOT_FOUND');
    expect(theirs.message.replace(String(id), '#')).toBe(never.message.replace(String(id + 1000), '#'));
    // Acting on it is no way round: signing an order not sent to 瑶海区 answers as for one that does not exist.
    const sign = await refusal(yaohai.trpc.dispatch.sign.mutate({ id, county: '340102' }));
    const signNone = await refusal(yaohai.trpc.dispatch.sign.mutate({ id: id + 1000, county: '340102' }));
    expect(sign.code).toBe('NOT_FOUND');
    expect(sign.message.replace(String(id), '#')).toBe(signNone.message.replace(String(id + 1000), '#'));
    expect(sign.message).not.toContain('340');
  });
});

/**
 * Records named by id: 蚌埠市's officer asks for one of 合肥市 (3401) and for an id no record ever had. Both answer
 * NOT_FOUND with the same words but for the id the caller typed, as 督办单 do; a record of 蚌埠 itself still answers.
 */
describe('a record named by id outside the scope reads the same as an id never issued', () => {
  const NEVER = 999_999;
  const at = '2021-11-01T02:00:00.000Z';
  const ids = {} as Record<
    | 'hefeiDoc'
    | 'bengbuDoc'
    | 'hefeiVisit'
    | 'bengbuVisit'
    | 'bengbuVoidVisit'
    | 'hefeiItem'
    | 'bengbuItem'
    | 'bengbuOpenItem'
    | 'hefeiEvidence'
    | 'bengbuEvidence'
    | 'hefeiAttachment'
    | 'bengbuAttachment',
    number
  >;
  /** The message with the asked-for id masked: the only part of it that may differ. */
  const masked = (r: { code: string | undefined; message: string }, id: number) => ({
    code: r.code,
    message: r.message.replace(String(id), '#'),
  });
  /** Asks for a record of 合肥 and for an id never issued; both must answer alike, naming neither city nor county. */
  async function alike(ask: (id: number) => Promise<unknown>, hefeiId: number) {
    const theirs = masked(await refusal(ask(hefeiId)), hefeiId);
    const never = masked(await refusal(ask(NEVER)), NEVER);
    expect(theirs).toEqual(never);
    expect(theirs.code).toBe('NOT_FOUND');
    expect(theirs.message).not.toMatch(/34\d\d|合肥|瑶海/);
    return theirs.message;
  }
  /** The same for a file route: status and JSON body, the id masked. */
  async function alikeFile(path: (id: number) => string, hefeiId: number, init: () => RequestInit = () => ({})) {
    const get = async (id: number) => {
      const res = await fetch(`${server.url}${path(id)}`, {
        ...init(),
        headers: { cookie: bengbu.cookie, ...(init().headers as Record<string, string> | undefined) },
      });
      return { status: res.status, body: (await res.text()).replace(String(id), '#') };
    };
    const [theirs, never] = [await get(hefeiId), await get(NEVER)];
    expect(theirs).toEqual(never);
    expect(theirs.status).toBe(404);
    expect(theirs.body).not.toMatch(/34\d\d|合肥|瑶海/);
    return JSON.parse(theirs.body) as { error: string };
  }

  beforeAll(async () => {
    const ctx = serviceContext(server.db, builtinCampaign('anhui-2021'), systemActor);
    for (const [unit, name] of [
      ['3401', 'hefeiDoc'],
      ['3403', 'bengbuDoc'],
    ] as const)
      ids[name] = (
        await storeDocument(
          ctx,
          'city',
          unit,
          '2021-11-01',
          { fileName: `${unit}行动总结_2021-11-01.docx`, content: Buffer.from('PK'), previewHtml: `<p>${unit}</p>` },
          at,
        )
      ).id;
    const visit = (county: string) =>
      recordVisit(
        ctx,
        { countyCode: county, visitedOn: '2021-11-01', byLevel: 'city', visitors: '市民政局', findings: '台账不全' },
        at,
      );
    const item = (visitId: number) =>
      addItem(ctx, { visitId, description: '补齐台账', owner: '县民政局', dueOn: '2021-11-30' }, at);
    const closedWithPhoto = async (itemId: number) =>
      (await closeItem(ctx, { itemId, evidence: '已补齐', files: [{ name: '照片.png', content: photoPng() }] }, at))
        .files[0]!;
    ids.hefeiVisit = (await visit('340102')).id;
    ids.bengbuVisit = (await visit('340321')).id;
    ids.bengbuVoidVisit = (await visit('340321')).id;
    ids.hefeiItem = (await item(ids.hefeiVisit)).id;
    ids.bengbuItem = (await item(ids.bengbuVisit)).id;
    ids.bengbuOpenItem = (await item(ids.bengbuVisit)).id;
    ids.hefeiEvidence = await closedWithPhoto((await item(ids.hefeiVisit)).id);
    ids.bengbuEvidence = await closedWithPhoto((await item(ids.bengbuVisit)).id);
    const order = await issueDispatch(
      ctx,
      {
        counties: ['340102', '340321'],
        title: '补齐台账',
        matter: '请补齐台账',
        level: 'normal',
        deadline: '2021-11-15',
      },
      at,
    );
    const attach = async (county: string) =>
      (await storeAttachment(ctx, order.id, county, { name: '台账.png', content: photoPng() }, at)).id;
    ids.hefeiAttachment = await attach('340102');
    ids.bengbuAttachment = await attach('340321');
    await server.setTime('2021-11-02T02:00:00.000Z');
  });

  test("documents.preview: 报告 of 合肥 and one never generated answer alike (404); 蚌埠's own still previews", async () => {
    const message = await alike((id) => bengbu.trpc.documents.preview.query({ id }), ids.hefeiDoc);
    expect(message).toBe('报告 # 不存在，或不在您的管辖范围内');
    expect((await bengbu.trpc.documents.preview.query({ id: ids.bengbuDoc })).html).toBe('<p>3403</p>');
  });

  test("summaries.submit: 合肥's summary and one never generated answer alike (404); 蚌埠's own is submitted", async () => {
    const message = await alike((id) => bengbu.trpc.summaries.submit.mutate({ id }), ids.hefeiDoc);
    expect(message).toBe('报告 # 不存在，或不在您的管辖范围内');
    expect(await bengbu.trpc.summaries.submit.mutate({ id: ids.bengbuDoc })).toMatchObject({ cityCode: '3403' });
  });

  test("supervision.addItem: a visit of 瑶海区 and a visit never recorded answer alike (404); 怀远县's takes the item", async () => {
    const add = (visitId: number) =>
      bengbu.trpc.supervision.addItem.mutate({
        visitId,
        description: '补齐协理员',
        owner: '县民政局',
        dueOn: '2021-11-30',
      });
    expect(await alike(add, ids.hefeiVisit)).toBe('督导记录 # 不存在，或不在您的管辖范围内');
    expect(await add(ids.bengbuVisit)).toMatchObject({ visitId: ids.bengbuVisit, status: 'open' });
  });

  test("supervision.correct: an item of 瑶海区 and one never added answer alike (404); 怀远县's is corrected", async () => {
    const correct = (id: number) =>
      bengbu.trpc.supervision.correct.mutate({
        target: 'item',
        id,
        reason: '笔误',
        changes: { description: '补齐村级台账' },
      });
    expect(await alike(correct, ids.hefeiItem)).toBe('整改事项 # 不存在，或不在您的管辖范围内');
    const visitCorrect = (id: number) =>
      bengbu.trpc.supervision.correct.mutate({ target: 'visit', id, reason: '笔误', changes: { visitors: '市局' } });
    expect(await alike(visitCorrect, ids.hefeiVisit)).toBe('督导记录 # 不存在，或不在您的管辖范围内');
    expect((await correct(ids.bengbuItem)).item).toMatchObject({ description: '补齐村级台账' });
  });

  test("supervision.closeItem: an item of 瑶海区 and one never added answer alike (404); 怀远县's is closed", async () => {
    const close = (itemId: number) => bengbu.trpc.supervision.closeItem.mutate({ itemId, evidence: '已整改到位' });
    expect(await alike(close, ids.hefeiItem)).toBe('整改事项 # 不存在，或不在您的管辖范围内');
    expect(await close(ids.bengbuOpenItem)).toMatchObject({ id: ids.bengbuOpenItem, status: 'done' });
  });

  test("supervision.void: a visit or item of 瑶海区 and ones never recorded answer alike (404); 怀远县's is voided", async () => {
    const voidOf = (target: 'visit' | 'item') => (id: number) =>
      bengbu.trpc.supervision.void.mutate({ target, id, reason: '重复登记' });
    expect(await alike(voidOf('visit'), ids.hefeiVisit)).toBe('督导记录 # 不存在，或不在您的管辖范围内');
    expect(await alike(voidOf('item'), ids.hefeiItem)).toBe('整改事项 # 不存在，或不在您的管辖范围内');
    expect((await voidOf('visit')(ids.bengbuVoidVisit)).visit).toMatchObject({ voided: true });
  });

  test("/files/dispatch-files/:id: 瑶海区's attachment and one never uploaded answer alike (404); 怀远县's downloads", async () => {
    const body = await alikeFile((id) => `/files/dispatch-files/${id}`, ids.hefeiAttachment);
    expect(body).toEqual({ error: '附件 # 不存在，或不在您的管辖范围内', issues: [] });
    const own = await fetch(`${server.url}/files/dispatch-files/${ids.bengbuAttachment}`, {
      headers: { cookie: bengbu.cookie },
    });
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer()).equals(photoPng())).toBe(true);
  });

  test("/files/evidence/:id: 瑶海区's evidence and a file never uploaded answer alike (404); 怀远县's downloads", async () => {
    const body = await alikeFile((id) => `/files/evidence/${id}`, ids.hefeiEvidence);
    expect(body).toEqual({ error: '佐证文件 # 不存在，或不在您的管辖范围内', issues: [] });
    const own = await fetch(`${server.url}/files/evidence/${ids.bengbuEvidence}`, {
      headers: { cookie: bengbu.cookie },
    });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/png');
  });

  test("/files/documents/:id: 合肥's document and one never generated answer alike (404); 蚌埠's downloads", async () => {
    const body = await alikeFile((id) => `/files/documents/${id}`, ids.hefeiDoc);
    expect(body).toEqual({ error: '报告 # 不存在，或不在您的管辖范围内', issues: [] });
    const own = await fetch(`${server.url}/files/documents/${ids.bengbuDoc}`, { headers: { cookie: bengbu.cookie } });
    expect(own.status).toBe(200);
    expect(await own.text()).toBe('PK');
  });

  test('/files/items/:id/close: an item of 瑶海区 and one never added answer alike (404), before any upload is read', async () => {
    const form = () => {
      const f = new FormData();
      f.set('evidence', '已整改到位');
      return { method: 'POST', body: f };
    };
    const body = await alikeFile((id) => `/files/items/${id}/close`, ids.hefeiItem, form);
    expect(body).toEqual({ error: '整改事项 # 不存在，或不在您的管辖范围内', issues: [] });
  });

  test('a role that may not download documents hears 403 for a document that exists and for one that does not', async () => {
    const get = async (id: number) => {
      const res = await fetch(`${server.url}/files/documents/${id}`, { headers: { cookie: yaohai.cookie } });
      return { status: res.status, body: await res.text() };
    };
    const [own, never] = [await get(ids.hefeiDoc), await get(NEVER)];
    expect(own).toEqual(never);
    expect(own.status).toBe(403);
  });
});
