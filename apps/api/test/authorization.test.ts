import { currentCampaign } from '../src/services/campaign/store';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '@dudao/schema/tables';
import pino from 'pino';
import { appRouter } from '../src/trpc/root';
import { rules } from '../src/trpc/permissions';
import { fileRouteList, fileRoutes } from '../src/server/file-routes';
import { systemActor } from '../src/services/actor';
import { serviceContext } from '../src/services/context';
import { storeAttachment } from '../src/services/dispatch/files';
import { issueDispatch } from '../src/services/dispatch/issue';
import { addItem, closeItem, recordVisit } from '../src/services/supervision/visits';
import { storeDocument } from '../src/services/documents/stored';
import { photoPng } from './support/evidence-files';
import { rawCall } from './support/raw';
import { errorCode, people, sessionOf, freshServer, startServer, trpcAs } from './support/http';
import { codeOfStatus } from './support/status-codes';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;
const sessions = new Map<Role, string>();
const itemOf = new Map<string, number>();
const visitOf = new Map<string, number>();
const docOf = new Map<string, number>();
const orderOf = new Map<string, number>();
const attachmentOf = new Map<string, number>();
const evidenceOf = new Map<string, number>();

/** A file route's request: the ids its path names, its query, and a body for an upload (empty: refused once let in). */
interface FileAsk {
  params?: Record<string, number>;
  query?: Record<string, string>;
  form?: Record<string, string>;
}

/** Per role: a county inside its scope and one outside it (province roles have no outside county in the tree). */
const targets: Record<Role, { inside: string; outside: string | null }> = {
  province_admin: { inside: '340321', outside: '320102' },
  province_viewer: { inside: '340321', outside: '320102' },
  city_officer: { inside: '340321', outside: '340102' },
  county_clerk: { inside: '340321', outside: '340322' },
};

/**
 * Every procedure's input and every file route's request aimed at a county; writes get input that fails after the
 * permission check (an empty file, an empty evidence text), so nothing changes.
 */
const inputs: Record<keyof typeof rules, ((county: string) => unknown) | null> = {
  'units.tree': (c) => ({ unit: c }),
  'units.get': (c) => ({ code: c }),
  'units.search': null,
  'campaign.get': null,
  'campaign.list': null,
  'clock.get': null,
  'clock.set': null,
  'status.at': (c) => ({ asOf: '2021-11-01', unit: c }),
  'status.overview': (c) => ({ asOf: '2021-11-01', unit: c }),
  'status.county': (c) => ({ asOf: '2021-11-01', code: c }),
  'status.forecast': (c) => ({ asOf: '2021-11-01', unit: c }),
  'status.gateForecasts': (c) => ({ asOf: '2021-11-01', unit: c }),
  'status.whatIf': (c) => ({ asOf: '2021-11-01', countyCode: c }),
  'reports.get': (c) => ({ countyCode: c, period: '2021-07' }),
  'reports.list': (c) => ({ unit: c }),
  'reports.saveDraft': (c) => ({ countyCode: c, period: '2021-07', version: 99, values: {} }),
  'reports.submit': (c) => ({ countyCode: c, period: '2021-07', version: 99 }),
  'reports.return': (c) => ({ countyCode: c, period: '2021-07', version: 99, reason: '数据有误' }),
  'reports.approve': (c) => ({ countyCode: c, period: '2021-07', version: 99 }),
  'reports.accept': (c) => ({ countyCode: c, period: '2021-07', version: 99 }),
  'reports.acceptMany': (c) => ({ reports: [{ countyCode: c, period: '2021-07', version: 99 }] }),
  'reports.reopen': (c) => ({ countyCode: c, period: '2021-07', version: 99, reason: '重新核对' }),
  'roster.current': (c) => ({ countyCode: c }),
  'cases.summary': (c) => ({ countyCode: c, asOf: '2021-11-01' }),
  'audit.history': (c) => ({ unit: c }),
  'supervision.list': (c) => ({ unit: c }),
  'supervision.recordVisit': (c) => ({
    countyCode: c,
    visitedOn: 'not-a-date',
    byLevel: 'city',
    visitors: 'x',
    findings: 'xx',
  }),
  'supervision.addItem': (c) => ({ visitId: visitOf.get(c) ?? 999_999, description: '', owner: '', dueOn: 'x' }),
  'supervision.closeItem': (c) => ({ itemId: itemOf.get(c) ?? 999_999, evidence: '' }),
  'supervision.overview': (c) => ({ unit: c, asOf: '2021-11-30' }),
  'supervision.correct': (c) => ({ target: 'item', id: itemOf.get(c) ?? 999_999, reason: '', changes: {} }),
  'supervision.void': (c) => ({ target: 'visit', id: visitOf.get(c) ?? 999_999, reason: '' }),
  'documents.generate': (c) => ({ kind: 'annex', unit: c, asOf: 'not-a-date' }),
  'documents.list': (c) => ({ unit: c }),
  'documents.preview': (c) => ({ id: docOf.get(c) ?? 999_999 }),
  'summaries.submit': (c) => ({ id: docOf.get(c) ?? 999_999 }),
  'summaries.status': (c) => ({ asOf: '2021-12-15', unit: c }),
  'dispatch.issue': (c) => ({ counties: [c], title: '', matter: '', level: 'normal', deadline: 'x' }),
  'dispatch.list': (c) => ({ asOf: '2021-11-01', unit: c }),
  'dispatch.get': null,
  'dispatch.summary': (c) => ({ asOf: '2021-11-01', unit: c }),
  'dispatch.sign': (c) => ({ id: 999_999, county: c }),
  'dispatch.feedback': (c) => ({ id: 999_999, county: c, text: '', askClose: false }),
  'dispatch.sendBack': (c) => ({ id: 999_999, county: c, reason: '' }),
  'dispatch.close': (c) => ({ id: 999_999, county: c }),
  'urge.send': (c) => ({ kind: 'nothing', unit: c }),
  // A county code is no scope for 一键催报: refused as bad input once the scope check has let it through.
  'urge.sendAll': (c) => ({ unit: c }),
  'urge.counts': (c) => ({ asOf: '2021-11-01', unit: c }),
  // Settings belong to a city or the province: the county's city is aimed at (3403 holds 340321, 3401 holds 340102).
  'documentSettings.get': (c) => ({ unit: c.slice(0, 4) }),
  'documentSettings.save': (c) => ({ unit: c.slice(0, 4), docNumber: '不是字号' }),
  'todo.mine': null,
  'notices.mine': null,
  'notices.markRead': null,
  'account.changePassword': null,
  'users.list': null,
  'users.create': (c) => ({ username: 'X', displayName: '', password: '1', role: 'county_clerk', scopeCode: c }),
  'users.setDisabled': null,
  'users.setRole': (c) => ({ userId: 999_999, role: 'county_clerk', scopeCode: c }),
  'users.resetPassword': null,
  'notify.kinds': null,
  'notify.channels': (c) => ({ unit: c }),
  'notify.saveChannel': (c) => ({ unit: c, kind: 'sms', config: { gateway: 'not-a-url' } }),
  'notify.testChannel': (c) => ({ unit: c, kind: 'sms', to: '13800001111' }),
  'notify.myPrefs': null,
  'notify.savePrefs': null,
  'notify.outbox': null,
  'notify.resend': null,
  'files.roster.upload': (c): FileAsk => ({ query: { county: c } }),
  'files.cases.upload': (c): FileAsk => ({ query: { county: c } }),
  'files.roster.template': (c): FileAsk => ({ query: { county: c } }),
  'files.cases.template': (c): FileAsk => ({ query: { county: c } }),
  'files.values.export': (c): FileAsk => ({ query: { unit: c } }),
  'files.audit.export': (c): FileAsk => ({ query: { unit: c } }),
  'files.document.download': (c): FileAsk => ({ params: { id: docOf.get(c) ?? 999_999 } }),
  'files.dispatch.attach': (c): FileAsk => ({ params: { id: orderOf.get(c) ?? 999_999 }, query: { county: c } }),
  'files.dispatch.download': (c): FileAsk => ({ params: { fileId: attachmentOf.get(c) ?? 999_999 } }),
  'files.evidence.close': (c): FileAsk => ({ params: { id: itemOf.get(c) ?? 999_999 }, form: { evidence: '' } }),
  'files.evidence.download': (c): FileAsk => ({ params: { id: evidenceOf.get(c) ?? 999_999 } }),
};
/** DOMAIN.md's role table, written out by hand: who may call what (province admins may do everything). */
const everyone = ['province_admin', 'province_viewer', 'city_officer', 'county_clerk'];
const expectedRoles: Record<keyof typeof rules, string[]> = {
  ...(Object.fromEntries(Object.keys(inputs).map((k) => [k, everyone])) as Record<keyof typeof rules, string[]>),
  'reports.saveDraft': ['province_admin', 'county_clerk'],
  'reports.submit': ['province_admin', 'county_clerk'],
  'reports.return': ['province_admin', 'city_officer'],
  'reports.approve': ['province_admin', 'city_officer'],
  'reports.accept': ['province_admin'],
  'reports.acceptMany': ['province_admin'],
  'reports.reopen': ['province_admin'],
  'supervision.recordVisit': ['province_admin', 'city_officer'],
  'supervision.addItem': ['province_admin', 'city_officer'],
  'supervision.closeItem': ['province_admin', 'city_officer'],
  'supervision.correct': ['province_admin', 'city_officer'],
  'supervision.void': ['province_admin', 'city_officer'],
  'documents.generate': ['province_admin', 'city_officer'],
  'documents.list': ['province_admin', 'province_viewer', 'city_officer'],
  'documents.preview': ['province_admin', 'province_viewer', 'city_officer'],
  'summaries.submit': ['province_admin', 'city_officer'],
  'summaries.status': ['province_admin', 'province_viewer', 'city_officer'],
  'clock.set': ['province_admin'],
  'dispatch.issue': ['province_admin', 'city_officer'],
  'dispatch.sign': ['province_admin', 'county_clerk'],
  'dispatch.feedback': ['province_admin', 'county_clerk'],
  'dispatch.sendBack': ['province_admin', 'city_officer'],
  'dispatch.close': ['province_admin', 'city_officer'],
  'urge.send': ['province_admin', 'city_officer'],
  'urge.sendAll': ['province_admin', 'city_officer'],
  'documentSettings.get': ['province_admin', 'province_viewer', 'city_officer'],
  'documentSettings.save': ['province_admin', 'city_officer'],
  'users.list': ['province_admin'],
  'users.create': ['province_admin'],
  'users.setDisabled': ['province_admin'],
  'users.setRole': ['province_admin'],
  'users.resetPassword': ['province_admin'],
  'notify.channels': ['province_admin'],
  'notify.saveChannel': ['province_admin'],
  'notify.testChannel': ['province_admin'],
  'notify.outbox': ['province_admin'],
  'notify.resend': ['province_admin'],
  'files.roster.upload': ['province_admin', 'county_clerk'],
  'files.cases.upload': ['province_admin', 'county_clerk'],
  'files.dispatch.attach': ['province_admin', 'county_clerk'],
  'files.document.download': ['province_admin', 'province_viewer', 'city_officer'],
  'files.evidence.close': ['province_admin', 'city_officer'],
};

const unscopedInputs: Partial<Record<keyof typeof rules, unknown>> = {
  'dispatch.get': { id: 999_999 },
  'todo.mine': { asOf: '2021-11-01' },
  'units.search': { query: '怀远' },
  'notices.mine': { asOf: '2021-11-01' },
  'notices.markRead': { keys: [] },
  'clock.set': { at: 'not-a-time' },
  'account.changePassword': { oldPassword: '', newPassword: 'x' },
  'users.setDisabled': { userId: 999_999, disabled: 'no' },
  'users.resetPassword': { userId: 999_999, password: 'x' },
  'notify.savePrefs': { email: 'not-an-address', phone: null, choices: {} },
  'notify.outbox': { state: 'dead' },
  'notify.resend': { id: 999_999 },
};

/** Every route declared under the name (a CSV and an XLSX export share one): their answers, or where they differ, all. */
async function callFile(role: Role, name: string, ask: FileAsk): Promise<string> {
  const answers = new Set<string>();
  for (const route of fileRouteList.filter((r) => r.name === name)) {
    const path = route.path.replace(/:(\w+)/g, (_, param: string) => String(ask.params![param]));
    let body: FormData | undefined;
    if (ask.form) {
      body = new FormData();
      for (const [k, v] of Object.entries(ask.form)) body.set(k, v);
    }
    const res = await fetch(`${server.url}/files${path}?${new URLSearchParams(ask.query)}`, {
      method: route.method,
      headers: { cookie: sessions.get(role)!, ...(route.upload && !body ? { 'x-file-name': 'empty.csv' } : {}) },
      ...(route.method === 'POST' ? { body: body ?? '' } : {}),
    });
    await res.arrayBuffer();
    answers.add(codeOfStatus[res.status] ?? `HTTP ${res.status}`);
  }
  return [...answers].join('|');
}

async function call(role: Role, path: string, input: unknown): Promise<string> {
  if (path.startsWith('files.')) return callFile(role, path, input as FileAsk);
  const procedure = (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path]!;
  const [a, b] = path.split('.') as [string, string];
  const client = trpcAs(server.url, sessions.get(role)!) as unknown as Record<
    string,
    Record<string, Record<string, (i: unknown) => Promise<unknown>>>
  >;
  try {
    await client[a]![b]![procedure._def.type === 'query' ? 'query' : 'mutate']!(input);
    return 'OK';
  } catch (e) {
    return errorCode(e) ?? 'ERROR';
  }
}

beforeAll(async () => {
  server = await freshServer();
  // The clock stands after every date the inputs ask about, so an as-of date is never refused as lying ahead.
  await server.setTime('2021-12-31T02:00:00.000Z');
  for (const p of people) sessions.set(p.role, (await sessionOf(server.url, p.username)).cookie);
  const ctx = serviceContext(server.db, await currentCampaign({ db: server.db }), systemActor);
  for (const county of ['340321', '340102', '340322']) {
    const visit = await recordVisit(
      ctx,
      { countyCode: county, visitedOn: '2021-11-10', byLevel: 'city', visitors: '市民政局', findings: '进展缓慢' },
      '2021-11-10T10:00:00.000Z',
    );
    visitOf.set(county, visit.id);
    docOf.set(
      county,
      (
        await storeDocument(
          ctx,
          'annex',
          county,
          '2021-12-15',
          { fileName: `${county}.xlsx`, content: Buffer.from('x'), previewHtml: null },
          '2021-12-15T02:00:00.000Z',
        )
      ).id,
    );
    const item = () =>
      addItem(
        ctx,
        { visitId: visit.id, description: '补齐协理员', owner: '县民政局', dueOn: '2021-12-10' },
        '2021-11-10T10:00:00.000Z',
      );
    itemOf.set(county, (await item()).id);
    const closed = await closeItem(
      ctx,
      { itemId: (await item()).id, evidence: '已补齐', files: [{ name: '照片.png', content: photoPng() }] },
      '2021-11-10T10:00:00.000Z',
    );
    evidenceOf.set(county, closed.files[0]!);
  }
  const order = await issueDispatch(
    ctx,
    {
      counties: ['340321', '340102', '340322'],
      title: '补齐台账',
      matter: '请补齐台账',
      level: 'normal',
      deadline: '2021-11-25',
    },
    '2021-11-10T10:00:00.000Z',
  );
  for (const county of ['340321', '340102', '340322']) {
    orderOf.set(county, order.id);
    const file = { name: '台账.png', content: photoPng() };
    attachmentOf.set(county, (await storeAttachment(ctx, order.id, county, file, '2021-11-10T10:00:00.000Z')).id);
  }
});
afterAll(() => server.close());

describe('authorization', () => {
  test('every procedure and every file route has a rule and a test input, and nothing else does', () => {
    const names = [...Object.keys(appRouter._def.procedures), ...new Set(fileRouteList.map((r) => r.name))].sort();
    expect(names).toEqual(Object.keys(rules).sort());
    expect(names).toEqual(Object.keys(inputs).sort());
  });

  test('the file routes the app serves are exactly those of the declared list', () => {
    const served = fileRoutes({ db: server.db, logger: pino({ level: 'silent' }) }).routes;
    const declared = fileRouteList.map((r) => `${r.method} ${r.path}`);
    expect([...new Set(served.map((r) => `${r.method} ${r.path}`))].sort()).toEqual([...declared].sort());
  });

  test('the rules grant exactly the roles of DOMAIN.md', () => {
    const granted = Object.fromEntries(Object.entries(rules).map(([k, r]) => [k, [...r.roles].sort()]));
    expect(granted).toEqual(Object.fromEntries(Object.entries(expectedRoles).map(([k, r]) => [k, [...r].sort()])));
  });

  test('without a session every procedure answers UNAUTHORIZED', async () => {
    sessions.set('province_admin', '');
    try {
      for (const path of Object.keys(rules)) {
        const input = path.startsWith('files.') ? inputs[path as keyof typeof rules]!('340321') : {};
        expect([path, await call('province_admin', path, input)]).toEqual([path, 'UNAUTHORIZED']);
      }
    } finally {
      sessions.set('province_admin', (await sessionOf(server.url, 'p_admin')).cookie);
    }
  });

  for (const role of Object.keys(targets) as Role[]) {
    test(`${role}: allowed inside its scope by its rule, refused outside and for other roles`, async () => {
      const { inside, outside } = targets[role];
      for (const [path, rule] of Object.entries(rules) as [keyof typeof rules, (typeof rules)[keyof typeof rules]][]) {
        const permitted = rule.roles.includes(role);
        const build = inputs[path];
        const input = build ? build(inside) : unscopedInputs[path];
        const inResult = await call(role, path, input);
        if (permitted)
          expect([path, 'inside', inResult]).not.toSatisfy(([, , r]: string[]) =>
            /FORBIDDEN|UNAUTHORIZED|INTERNAL_SERVER_ERROR/.test(r ?? ''),
          );
        else expect([path, 'inside', inResult]).toEqual([path, 'inside', 'FORBIDDEN']);
        const idBased = [
          'supervision.addItem',
          'supervision.closeItem',
          'supervision.correct',
          'supervision.void',
          'documents.preview',
          'summaries.submit',
          'files.document.download',
          'files.dispatch.download',
          'files.evidence.close',
          'files.evidence.download',
        ].includes(path);
        // A record named by id outside the scope answers as an id that names none (NOT_FOUND), so ids cannot be
        // probed; a role the rule does not grant is refused before any record is looked up.
        if (build && outside && !(idBased && role.startsWith('province'))) {
          const refused = idBased && permitted ? 'NOT_FOUND' : 'FORBIDDEN';
          expect([path, 'outside', await call(role, path, build(outside))]).toEqual([path, 'outside', refused]);
        }
      }
    });
  }

  test('documents.generate: a city officer generates its city summary and annex, never the province summary or notice (403 in words)', async () => {
    const officer = sessions.get('city_officer')!;
    const generate = (kind: string) =>
      rawCall(server.url, officer, 'documents.generate', 'mutation', { kind, unit: '3403', asOf: 'not-a-date' });
    for (const kind of ['province', 'notice'])
      expect([kind, await generate(kind)]).toEqual([
        kind,
        { status: 403, code: 'FORBIDDEN', message: '市级用户只能生成本市行动总结和指标附表' },
      ]);
    // The kinds a city may generate pass the gate and are refused only for the date, after it.
    for (const kind of ['city', 'annex']) expect([kind, (await generate(kind)).status]).toEqual([kind, 400]);
    // The rule is the city's: the province's admin is refused the same request only for the date.
    const admin = sessions.get('province_admin')!;
    const asAdmin = await rawCall(server.url, admin, 'documents.generate', 'mutation', {
      kind: 'province',
      unit: '34',
      asOf: 'not-a-date',
    });
    expect(asAdmin.status).toBe(400);
  });
});
