import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { errorCode, freshServer, sessionOf, startServer } from './support/http';

type Server = Awaited<ReturnType<typeof startServer>>;
type Session = Awaited<ReturnType<typeof sessionOf>>;
let server: Server;
let clerk: Session, officer: Session;
let orderId = 0;
const HUAIYUAN = '340321';
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

// 怀远县 has sent no July report (due 08-05): late_report holds on 08-10, and still on 08-12 when the order is closed.
beforeAll(async () => {
  server = await freshServer();
  clerk = await sessionOf(server.url, 'huaiyuan');
  officer = await sessionOf(server.url, 'bengbu');
  await server.setTime(at('2021-08-10T09:00:00'));
  ({ id: orderId } = await officer.trpc.dispatch.issue.mutate({
    counties: [HUAIYUAN],
    title: '怀远县尽快报送七月月报',
    matter: '请立即报送 2021-07 月报',
    level: 'normal',
    deadline: '2021-08-20',
    links: [{ reason: 'late_report' }],
  }));
  await server.setTime(at('2021-08-11T09:00:00'));
  await clerk.trpc.dispatch.sign.mutate({ id: orderId, county: HUAIYUAN });
  await clerk.trpc.dispatch.feedback.mutate({ id: orderId, county: HUAIYUAN, text: '已安排报送', askClose: true });
  await server.setTime(at('2021-08-12T09:00:00'));
}, 60_000);
afterAll(async () => server?.close());

describe('办结 checked against the data', () => {
  test('the order shows, as of any day, that the reason it was opened from still holds', async () => {
    const order = await officer.trpc.dispatch.get.query({ id: orderId, asOf: '2021-08-12' });
    expect(order.copies[0]?.stillHolds?.map((r) => r.code)).toEqual(['late_report']);
  });

  test('closing without a confirming reason is refused, naming the field as the form does, and nothing is written', async () => {
    const refused = await officer.trpc.dispatch.close
      .mutate({ id: orderId, county: HUAIYUAN })
      .catch((e: unknown) => e);
    expect(errorCode(refused)).toBe('BAD_REQUEST');
    expect((refused as Error).message).toMatch(/^确认办结的理由：督办所针对的问题在数据中仍然存在/);
    expect((refused as Error).message).not.toMatch(/confirmReason|[A-Za-z]{6,}/);
    const order = await officer.trpc.dispatch.get.query({ id: orderId, asOf: '2021-08-12' });
    expect(order.copies[0]?.state).toBe('feedback');
  });

  test('with a reason the reviewer closes it; it stays visible as 办结但问题仍在', async () => {
    await officer.trpc.dispatch.close.mutate({ id: orderId, county: HUAIYUAN, confirmReason: '已电话核实，当日补报' });
    const order = await officer.trpc.dispatch.get.query({ id: orderId, asOf: '2021-08-12' });
    expect(order.copies[0]?.state).toBe('closed');
    expect(order.copies[0]?.stillHolds?.length).toBe(1);
    expect(order.copies[0]?.history.at(-1)).toMatchObject({ action: 'close', text: '已电话核实，当日补报' });
  });
});
