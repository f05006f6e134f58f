import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { errorCode, freshServer, sessionOf, startServer } from './support/http';
import { augustValues, julyValues } from './support/report-values';

type Server = Awaited<ReturnType<typeof startServer>>;
type Session = Awaited<ReturnType<typeof sessionOf>>;
let server: Server;
let clerk: Session, officer: Session, admin: Session;
const at = (local: string) => new Date(`${local}+08:00`).toISOString();
const july = { countyCode: '340321', period: '2021-07' };
const august = { countyCode: '340321', period: '2021-08' };

beforeAll(async () => {
  server = await freshServer();
  clerk = await sessionOf(server.url, 'huaiyuan');
  officer = await sessionOf(server.url, 'bengbu');
  admin = await sessionOf(server.url, 'p_admin');
  // July and August of 怀远县, both submitted and approved by 蚌埠市: versions 1 (save), 2 (submit), 3 (approve).
  for (const [ref, values, day] of [
    [july, julyValues, '2021-08-03'],
    [august, augustValues, '2021-09-03'],
  ] as const) {
    await server.setTime(at(`${day}T09:00:00`));
    await clerk.trpc.reports.saveDraft.mutate({ ...ref, version: 0, values });
    await clerk.trpc.reports.submit.mutate({ ...ref, version: 1 });
    await officer.trpc.reports.approve.mutate({ ...ref, version: 2 });
  }
});
afterAll(() => server.close());

describe('the province accepts approved reports in bulk (批量确认)', () => {
  test('a city officer may not accept, in bulk or not', async () => {
    const error = await officer.trpc.reports.acceptMany
      .mutate({ reports: [{ ...july, version: 3 }] })
      .catch((e: unknown) => e);
    expect(errorCode(error)).toBe('FORBIDDEN');
    expect((await admin.trpc.reports.get.query(july)).state).toBe('approved');
  });

  test('one stale report refuses the whole batch and accepts nothing', async () => {
    await server.setTime(at('2021-09-10T10:00:00'));
    const error = await admin.trpc.reports.acceptMany
      .mutate({
        reports: [
          { ...july, version: 3 },
          { ...august, version: 2 },
        ],
      })
      .catch((e: unknown) => e);
    expect(errorCode(error)).toBe('CONFLICT');
    expect((error as Error).message).toContain('第 2 份（怀远县2021年8月月报）');
    expect((await admin.trpc.reports.get.query(july)).state).toBe('approved');
  });

  test('both approved reports become 省级已确认 together, each with its accept event and the clerk told', async () => {
    await server.setTime(at('2021-09-10T10:30:00'));
    const accepted = await admin.trpc.reports.acceptMany.mutate({
      reports: [
        { ...july, version: 3 },
        { ...august, version: 3 },
      ],
    });
    expect(accepted.map((r) => [r.period, r.state, r.version])).toEqual([
      ['2021-07', 'accepted', 4],
      ['2021-08', 'accepted', 4],
    ]);
    for (const ref of [july, august]) {
      const detail = await clerk.trpc.reports.get.query(ref);
      expect(detail.history.at(-1)).toMatchObject({
        action: 'accept',
        actor: 'p_admin',
        at: at('2021-09-10T10:30:00'),
      });
    }
    const notices = await clerk.trpc.notices.mine.query({ asOf: '2021-09-10' });
    expect(notices.filter((n) => n.kind === 'report.accept')).toHaveLength(2);
  });

  test('a report already accepted cannot be accepted again', async () => {
    const error = await admin.trpc.reports.acceptMany
      .mutate({ reports: [{ ...july, version: 4 }] })
      .catch((e: unknown) => e);
    expect(errorCode(error)).toBe('CONFLICT');
  });
});
