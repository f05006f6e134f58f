import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { serviceContext } from '../src/services/context';
import { listUnits } from '../src/services/org/units';
import { errorCode, freshServer, sessionOf } from './support/http';
import { julyValues } from './support/report-values';

type Session = Awaited<ReturnType<typeof sessionOf>>;
let server: Awaited<ReturnType<typeof freshServer>>;
let clerk: Session, officer: Session, admin: Session;
const at = (local: string) => new Date(`${local}+08:00`).toISOString();
const july = { countyCode: '340321', period: '2021-07' };

beforeAll(async () => {
  server = await freshServer();
  clerk = await sessionOf(server.url, 'huaiyuan');
  officer = await sessionOf(server.url, 'bengbu');
  admin = await sessionOf(server.url, 'p_admin');
});
afterAll(() => server.close());

describe('一键催报: all unsent reports of a city or the province in one action', () => {
  test('before the first report falls due there is nothing to urge, and the refusal says so in words', async () => {
    await server.setTime(at('2021-08-02T09:00:00'));
    await expect(officer.trpc.urge.sendAll.mutate({ unit: '3403' })).rejects.toThrow(
      /^截至2021年8月2日尚无到期的月报，无需催报$/,
    );
  });

  test('蚌埠市 urges every county without a July report once; 怀远县, sent on time and returned, is not urged', async () => {
    await server.setTime(at('2021-08-02T10:00:00'));
    await clerk.trpc.reports.saveDraft.mutate({ ...july, version: 0, values: julyValues });
    await clerk.trpc.reports.submit.mutate({ ...july, version: 1 });
    await server.setTime(at('2021-08-04T10:00:00'));
    await officer.trpc.reports.return.mutate({ ...july, version: 2, reason: '城市低保人数有误' });

    // July is due 08-05 (five days after the month); on 08-06 it is the latest due period.
    await server.setTime(at('2021-08-06T10:00:00'));
    const bengbuCounties = await listUnits(serviceContext(server.db, builtinCampaign('anhui-2021')), {
      parent: '3403',
      level: 'county',
    });
    const owing = bengbuCounties.map((u) => u.code).filter((c) => c !== '340321');
    const sent = await officer.trpc.urge.sendAll.mutate({ unit: '3403' });
    expect(sent).toMatchObject({ period: '2021-07', counties: owing.length });

    const counts = await officer.trpc.urge.counts.query({ asOf: '2021-08-06' });
    expect(counts.map((c) => c.unit).sort()).toEqual(owing.sort());
    expect(counts.every((c) => c.kind === 'report' && c.period === '2021-07' && c.count === 1)).toBe(true);
  });

  test('the province urges all its counties in one go; a county is counted once per action', async () => {
    const provinceCounties = await listUnits(serviceContext(server.db, builtinCampaign('anhui-2021')), {
      level: 'county',
    });
    const sent = await admin.trpc.urge.sendAll.mutate({ unit: '34' });
    expect(sent.counties).toBe(provinceCounties.filter((u) => u.code.startsWith('34')).length - 1);
    const wuhe = (await admin.trpc.urge.counts.query({ asOf: '2021-08-06', unit: '340322' }))[0]!;
    expect(wuhe.count).toBe(2);
  });

  test('a county clerk may not, a city may not urge another city, and a county code is no scope', async () => {
    await expect(clerk.trpc.urge.sendAll.mutate({ unit: '3403' })).rejects.toSatisfy(
      (e) => errorCode(e) === 'FORBIDDEN',
    );
    await expect(officer.trpc.urge.sendAll.mutate({ unit: '3401' })).rejects.toSatisfy(
      (e) => errorCode(e) === 'FORBIDDEN',
    );
    await expect(officer.trpc.urge.sendAll.mutate({ unit: '340321' })).rejects.toThrow(
      '单位：一键催报只能针对一个市或全省',
    );
  });
});
