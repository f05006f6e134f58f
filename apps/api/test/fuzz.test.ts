import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '@dudao/schema/tables';
import { createApp } from '../src/server/app';
import { appRouter } from '../src/trpc/root';
import { freshServer, people, sessionOf } from './support/http';
import { fingerprint } from './support/raw';

/**
 * Generated bad input for every tRPC procedure and every file route, as every role and as nobody: the server
 * never answers 5xx, and whenever it refuses (4xx) no table gained or lost a row. Seeded, so a run is repeatable.
 */
const SEED = 20211201;
const PROCEDURE_RUNS = 2500;
const FILE_RUNS = 500;

let server: Awaited<ReturnType<typeof freshServer>>;
const cookies = new Map<Role | 'anonymous', string>([['anonymous', '']]);
let tried = 0;

const fieldNames = [
  'countyCode',
  'unit',
  'asOf',
  'period',
  'version',
  'values',
  'comments',
  'id',
  'visitId',
  'itemId',
  'userId',
  'keys',
  'kind',
  'password',
  'username',
  'displayName',
  'scopeCode',
  'role',
  'visitedOn',
  'dueOn',
  'findings',
  'reason',
  'cursor',
  'limit',
  'disabled',
  'oldPassword',
  'newPassword',
  'byLevel',
  'visitors',
  'description',
  'owner',
  'evidence',
  'code',
  'parent',
  'level',
  'indicator',
  'state',
];
const tricky = [
  '2021-02-30',
  '2030-01-01',
  '2000-01-01',
  '2099-12-31',
  '2021-13-01',
  '0000-00-00',
  '9'.repeat(400),
  'toString',
  'constructor',
  '__proto__',
  '',
  ' ',
  '340399',
  '34',
  '3403',
  '340321',
  '340321100',
  "'; drop table users; --",
  "=cmd|' /C calc'!A0",
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '\u0000',
  '2099-12',
  '1999-01',
  '2021-07',
  '长'.repeat(6000),
  'narrative.T01',
  't10_coordinator_coverage',
];
const badValue = fc.oneof(
  fc.constantFrom(...tricky),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(
    fc.constantFrom('toString', 'constructor', '__proto__', 't01_dibao_urban', 'unknown_field', 'narrative.T01'),
    fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null)),
    { maxKeys: 3 },
  ),
);
const badInput = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.dictionary(fc.constantFrom(...fieldNames), badValue, { maxKeys: 6 }),
  fc.constant(undefined),
);
const who = fc.constantFrom<Role | 'anonymous'>(
  'anonymous',
  'province_admin',
  'province_viewer',
  'city_officer',
  'county_clerk',
);

/** One request; returns its status after checking that a refusal wrote nothing. */
async function probe(request: () => Promise<Response>, label: string): Promise<void> {
  tried++;
  const before = await fingerprint(server.db);
  const res = await request();
  await res.arrayBuffer();
  expect([label, res.status < 500]).toEqual([label, true]);
  if (res.status >= 400) expect([label, await fingerprint(server.db)]).toEqual([label, before]);
}

beforeAll(async () => {
  server = await freshServer();
  for (const p of people) cookies.set(p.role, (await sessionOf(server.url, p.username)).cookie);
});
afterAll(async () => {
  console.log(`fuzz: ${tried} generated inputs tried (seed ${SEED}), no 5xx, no row written by a refusal`);
  await server.close();
});

// Every probe counts every table's rows twice; on PostgreSQL that is a round trip each, so the same runs take longer.
describe('fuzz', { timeout: 600_000 }, () => {
  test('every tRPC procedure, bad input, every role: no 5xx, refusals write nothing', async () => {
    const procedures = Object.entries(
      appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>,
    ).map(([path, p]) => ({ path, type: p._def.type }));
    expect(procedures.length).toBeGreaterThan(30);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...procedures), who, badInput, async ({ path, type }, role, input) => {
        const cookie = cookies.get(role)!;
        const encoded = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
        await probe(
          () =>
            type === 'query'
              ? fetch(`${server.url}/trpc/${path}${encoded}`, { headers: { cookie } })
              : fetch(`${server.url}/trpc/${path}`, {
                  method: 'POST',
                  headers: { cookie, 'content-type': 'application/json' },
                  body: input === undefined ? '' : JSON.stringify(input),
                }),
          `${role} ${path} ${JSON.stringify(input)?.slice(0, 200)}`,
        );
      }),
      { numRuns: PROCEDURE_RUNS, seed: SEED },
    );
  });

  test('every file route, bad query and body, every role: no 5xx, refusals write nothing', async () => {
    const app = createApp({ db: server.db, logger: pino({ level: 'silent' }) });
    const routes = [
      ...new Map(
        app.routes
          .filter((r) => r.path.startsWith('/files/') && (r.method === 'GET' || r.method === 'POST'))
          .map((r) => [`${r.method} ${r.path}`, r]),
      ).values(),
    ];
    expect(routes.length).toBeGreaterThanOrEqual(8);
    const queryValue = fc.oneof(fc.constantFrom(...tricky.filter((t) => t.length < 100)), fc.string({ maxLength: 20 }));
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
      fc
        .array(
          fc.array(fc.oneof(fc.constantFrom(...tricky.filter((t) => t.length < 100)), fc.string({ maxLength: 12 })), {
            maxLength: 9,
          }),
          { maxLength: 6 },
        )
        .map((rows) => Buffer.from(rows.map((r) => r.join(',')).join('\n'))),
      fc
        .uint8Array({ maxLength: 500 })
        .map((b) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(b)])),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        who,
        fc.dictionary(fc.constantFrom('county', 'unit', 'period', 'indicator'), queryValue, { maxKeys: 3 }),
        fc.oneof(fc.constantFrom('1', '0', '-1', 'abc', '99999999999'), fc.integer().map(String)),
        body,
        async (route, role, query, id, content) => {
          const path = route.path.replace(':id', encodeURIComponent(id));
          const url = `${server.url}${path}?${new URLSearchParams(query)}`;
          const cookie = cookies.get(role)!;
          await probe(
            () => {
              if (route.method === 'GET') return fetch(url, { headers: { cookie } });
              const form = new FormData();
              form.append('file', new Blob([new Uint8Array(content)]), 'upload.xlsx');
              return fetch(url, { method: 'POST', headers: { cookie }, body: form });
            },
            `${role} ${route.method} ${path} ${JSON.stringify(query)}`,
          );
        },
      ),
      { numRuns: FILE_RUNS, seed: SEED },
    );
  });
});
