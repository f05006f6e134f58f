import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { systemActor } from '../src/services/actor';
import { serviceContext } from '../src/services/context';
import { addItem, recordVisit } from '../src/services/supervision/visits';
import { httpStatus } from '../src/trpc/refusals';
import { rawCall } from './support/raw';
import { freshServer, sessionOf } from './support/http';

let server: Awaited<ReturnType<typeof freshServer>>;
let officer: string;
let clerk: string;
let visitId: number;
const at = '2021-11-01T02:00:00.000Z';

beforeAll(async () => {
  server = await freshServer();
  await server.setTime('2021-11-02T02:00:00.000Z');
  officer = (await sessionOf(server.url, 'bengbu')).cookie;
  clerk = (await sessionOf(server.url, 'huaiyuan')).cookie;
  const ctx = serviceContext(server.db, builtinCampaign('anhui-2021'), systemActor);
  visitId = (
    await recordVisit(
      ctx,
      { countyCode: '340321', visitedOn: '2021-11-01', byLevel: 'city', visitors: '市民政局', findings: '台账不全' },
      at,
    )
  ).id;
});
afterAll(() => server.close());

const openItem = async () =>
  (
    await addItem(
      serviceContext(server.db, builtinCampaign('anhui-2021'), systemActor),
      { visitId, description: '补齐台账', owner: '县民政局', dueOn: '2021-11-30' },
      at,
    )
  ).id;

/** 销号 through the file route (multipart, as the dashboard's form sends it): its status and JSON body. */
async function closeByFile(cookie: string, itemId: number, evidence: string) {
  const form = new FormData();
  form.set('evidence', evidence);
  const res = await fetch(`${server.url}/files/items/${itemId}/close`, {
    method: 'POST',
    headers: { cookie },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The same 销号 through tRPC: its status, code and message. */
const closeByTrpc = (cookie: string, itemId: number, evidence: string) =>
  rawCall(server.url, cookie, 'supervision.closeItem', 'mutation', { itemId, evidence });

describe('one refusal answers with one status and the same words on every adapter', () => {
  test('each kind of refusal has one HTTP status', () => {
    expect({
      bad_request: httpStatus('bad_request'),
      unauthorized: httpStatus('unauthorized'),
      forbidden: httpStatus('forbidden'),
      not_found: httpStatus('not_found'),
      conflict: httpStatus('conflict'),
      too_many_requests: httpStatus('too_many_requests'),
    }).toEqual({
      bad_request: 400,
      unauthorized: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      too_many_requests: 429,
    });
  });

  test('a conflict: 销号 of an item already closed is 409 through the file route as through tRPC', async () => {
    const itemId = await openItem();
    const first = await closeByFile(officer, itemId, '已补齐台账');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: itemId, status: 'done' });
    expect(await closeByFile(officer, itemId, '再次销号')).toEqual({
      status: 409,
      body: { error: '该整改事项已销号', issues: [] },
    });
    expect(await closeByTrpc(officer, itemId, '再次销号')).toEqual({
      status: 409,
      code: 'CONFLICT',
      message: '该整改事项已销号',
    });
  });

  test('a validation error: the evidence text is held to the schema’s rule (2 to 5000 characters) on both, and nothing is written', async () => {
    const itemId = await openItem();
    const short = '整改佐证：销号须填写整改佐证（至少 2 个字）';
    const long = '整改佐证：整改佐证不能超过 5000 字';
    // One character once trimmed, and 5,001 characters.
    for (const [evidence, message] of [
      [' 好 ', short],
      ['字'.repeat(5001), long],
    ] as const) {
      expect(await closeByFile(officer, itemId, evidence)).toEqual({
        status: 400,
        body: { error: message, issues: [] },
      });
      expect(await closeByTrpc(officer, itemId, evidence)).toEqual({ status: 400, code: 'BAD_REQUEST', message });
    }
    // 5,000 characters are within the rule, and the item was still open.
    expect((await closeByFile(officer, itemId, '字'.repeat(5000))).status).toBe(200);
  });

  test('not found, forbidden, not signed in: 404, 403 and 401 in the same words on both', async () => {
    const itemId = await openItem();
    const cases = [
      [officer, 999_999, 404, 'NOT_FOUND', '整改事项 999999 不存在，或不在您的管辖范围内'],
      [clerk, itemId, 403, 'FORBIDDEN', '当前角色无权执行此操作'],
      ['', itemId, 401, 'UNAUTHORIZED', '请先登录'],
    ] as const;
    for (const [cookie, id, status, code, message] of cases) {
      expect(await closeByFile(cookie, id, '已补齐台账')).toEqual({ status, body: { error: message, issues: [] } });
      expect(await closeByTrpc(cookie, id, '已补齐台账')).toEqual({ status, code, message });
    }
  });
});
