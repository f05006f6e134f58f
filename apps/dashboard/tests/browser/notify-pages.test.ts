import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { query } from './support/api';
import { axeViolations } from './support/axe';
import { launchChromium, screenshot } from './support/browser';
import { layoutFaults } from './support/layout';
import { notifyTimings, robotReceiver } from './support/notify';
import { openAs } from './support/session';

let browser: Browser;
let robot: Awaited<ReturnType<typeof robotReceiver>>;
beforeAll(async () => {
  browser = await launchChromium();
  robot = await robotReceiver();
});
afterAll(async () => {
  await browser?.close();
  await robot?.close();
});

const wide = { width: 1366, height: 900 };
type Kinds = { groups: { code: string; name: string }[]; channels: { code: string; name: string }[] };
type Prefs = { email: string | null; phone: string | null; choices: Record<string, string[]>; chosen: boolean };
type Channel = {
  id: number;
  unitCode: string;
  kind: string;
  kindName: string;
  config: Record<string, unknown>;
  secrets: { field: string; name: string; set: boolean }[];
  enabled: boolean;
  updatedAt: string;
};
type OutboxRow = {
  id: number;
  channel: string;
  unitCode: string | null;
  to: string;
  subject: string;
  state: string;
  attempts: number;
  lastError: string | null;
  tries: { ok: boolean; error: string | null }[];
};
type Outbox = { counts: Record<string, number>; messages: OutboxRow[] };

/** Every checkbox of the choice table, as `group:channel` → ticked. */
async function ticks(page: Page, kinds: Kinds): Promise<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  for (const g of kinds.groups)
    for (const c of kinds.channels)
      out[`${g.code}:${c.code}`] = await page
        .getByRole('checkbox', { name: `${g.name}：${c.name}`, exact: true })
        .isChecked();
  return out;
}

const sorted = (choices: Record<string, string[]>) =>
  Object.fromEntries(
    Object.entries(choices)
      .filter(([, v]) => v.length)
      .map(([k, v]) => [k, [...v].sort()])
      .sort(),
  );

describe('通知设置 (a person’s channels per kind of notice)', () => {
  test('a clerk adds SMS for 催报 and drops WeCom for 通报; a missing phone is refused in Chinese and keeps the ticks; the saved choice survives a reload and the API agrees', async () => {
    const clerk = await openAs(browser, 'county340321', wide);
    await clerk.goto('/account');
    await clerk.getByRole('link', { name: '通知设置' }).click();
    await clerk.waitForURL(/\/account\/notify$/);
    const kinds = await query<Kinds>(clerk, 'notify.kinds', {});
    const before = await query<Prefs>(clerk, 'notify.myPrefs', {});
    expect(before.chosen).toBe(false);
    await clerk.getByText('您尚未设置，目前各类通知只发到单位的工作群。').waitFor();
    // Before choosing, the unit's group robots carry every kind and nothing goes by e-mail or SMS (the API's defaults).
    const expected: Record<string, boolean> = {};
    for (const g of kinds.groups)
      for (const c of kinds.channels) expected[`${g.code}:${c.code}`] = (before.choices[g.code] ?? []).includes(c.code);
    expect(Object.values(expected).filter(Boolean).length).toBe(kinds.groups.length * 2);
    expect(await ticks(clerk, kinds)).toEqual(expected);

    const name = (group: string, channel: string) =>
      `${kinds.groups.find((g) => g.code === group)!.name}：${kinds.channels.find((c) => c.code === channel)!.name}`;
    await clerk.getByRole('checkbox', { name: name('urge', 'sms'), exact: true }).check();
    await clerk.getByRole('checkbox', { name: name('document', 'wecom'), exact: true }).uncheck();
    expected['urge:sms'] = true;
    expected['document:wecom'] = false;

    // SMS without a phone number: refused, naming the field, in Chinese; nothing stored, and the ticks are still there.
    await clerk.getByRole('button', { name: '保存' }).click();
    const refused = clerk.getByRole('alert');
    await refused.waitFor();
    const missing = (await refused.textContent()) ?? '';
    expect(missing).toBe(`手机号：未填写（选择了用短信接收“${kinds.groups.find((g) => g.code === 'urge')!.name}”）`);
    // The field is named as the form labels it, never by its code.
    expect(missing).not.toMatch(/[A-Za-z]/);
    expect((await query<Prefs>(clerk, 'notify.myPrefs', {})).chosen).toBe(false);
    expect(await ticks(clerk, kinds)).toEqual(expected);

    await clerk.getByLabel('手机号').fill('13955501234');
    await clerk.getByRole('button', { name: '保存' }).click();
    await clerk.getByRole('status').filter({ hasText: '已保存。' }).waitFor();
    await clerk.reload();
    expect(await ticks(clerk, kinds)).toEqual(expected);
    expect(await clerk.getByLabel('手机号').inputValue()).toBe('13955501234');
    expect(await clerk.getByText('您尚未设置').count()).toBe(0);

    const saved = await query<Prefs>(clerk, 'notify.myPrefs', {});
    const choices: Record<string, string[]> = {};
    for (const [key, on] of Object.entries(expected)) {
      const [group, channel] = key.split(':') as [string, string];
      if (on) (choices[group] ??= []).push(channel);
    }
    expect({ ...saved, choices: sorted(saved.choices) }).toEqual({
      email: null,
      phone: '13955501234',
      choices: sorted(choices),
      chosen: true,
    });
    await screenshot(clerk, 'notify-account-1366');
  });
});

describe('通知渠道 (an admin sets a unit’s robots; secrets never come back)', () => {
  test('a DingTalk robot with webhook and 加签 secret: shown only as 已设置, used as given by 发送测试消息; a bad webhook is refused in Chinese and changes nothing; a blank secret keeps the stored one', async () => {
    const admin = await openAs(browser, 'admin', wide);
    await admin.goto('/account');
    await admin.getByRole('link', { name: '通知渠道' }).click();
    await admin.waitForURL(/\/admin\/notify$/);
    const kinds = await query<Kinds>(admin, 'notify.kinds', {});
    const dingName = kinds.channels.find((c) => c.code === 'dingtalk')!.name;
    const token = randomBytes(12).toString('hex');
    const secret = `SEC${randomBytes(16).toString('hex')}`;
    const webhook = `${robot.base}/robot/send?access_token=${token}`;
    const form = admin.locator('form[action="?/save"]');
    const fill = async (fields: { webhook?: string; secret?: string; msgtype: string }) => {
      await form.getByLabel('单位代码').fill('3412');
      await form.getByLabel('渠道').selectOption({ label: dingName });
      await form.getByLabel('Webhook 地址').fill(fields.webhook ?? '');
      await form.getByLabel('加签密钥').fill(fields.secret ?? '');
      await form.getByLabel('消息类型').selectOption(fields.msgtype);
      await form.getByRole('button', { name: '保存' }).click();
    };
    // The table names the unit, not its code.
    const { name: unitName } = await query<{ name: string }>(admin, 'units.get', { code: '3412' });
    const row = admin.getByRole('row').filter({ hasText: unitName }).filter({ hasText: dingName });
    const channel = async () =>
      (await query<Channel[]>(admin, 'notify.channels', { unit: '3412' })).find((c) => c.kind === 'dingtalk');
    // What the robot got from one 发送测试消息: the token of the stored webhook and a signature by the stored secret.
    const testSend = async () => {
      const from = robot.received.length;
      await row.getByRole('button', { name: '发送测试消息' }).click();
      await admin
        .getByRole('status')
        .filter({ hasText: `已通过${dingName}发送测试消息` })
        .waitFor();
      const got = robot.received.slice(from);
      expect(got).toHaveLength(1);
      const ts = got[0]!.query.get('timestamp')!;
      expect(got[0]!.path).toBe('/robot/send');
      expect(got[0]!.query.get('access_token')).toBe(token);
      expect(got[0]!.query.get('sign')).toBe(createHmac('sha256', secret).update(`${ts}\n${secret}`).digest('base64'));
      return got[0]!.body as { msgtype: string };
    };

    await fill({ webhook, secret, msgtype: 'text' });
    await admin
      .getByRole('status')
      .filter({ hasText: `已保存：3412 ${dingName}` })
      .waitFor();
    const set = await channel();
    expect(set).toMatchObject({ unitCode: '3412', config: { msgtype: 'text' }, enabled: true });
    expect(set!.secrets.map((s) => s.set)).toEqual([true, true]);
    expect(JSON.stringify(set)).not.toContain(token);
    expect(JSON.stringify(set)).not.toContain(secret);
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[0]!.trim()).toBe(unitName);
    expect(cells[2]!.trim()).toBe('消息类型：text');
    expect(cells[3]).toBe(set!.secrets.map((s) => `${s.name}：已设置`).join(''));
    const html = await admin.content();
    expect(html).not.toContain(token);
    expect(html).not.toContain(secret);
    expect(html).not.toContain(robot.base);
    expect((await testSend()).msgtype).toBe('text');

    // A webhook that is not an http(s) address, with another message type: refused, naming the field; nothing changes.
    await fill({ webhook: `ftp://oapi.dingtalk.com/robot/send?access_token=${token}`, msgtype: 'markdown' });
    const refused = admin.getByRole('alert');
    await refused.waitFor();
    const message = (await refused.textContent()) ?? '';
    expect(message).toBe(`${dingName}：Webhook 地址应为 http(s) 地址`);
    expect(message).not.toMatch(/（[A-Za-z]+）|webhook/);
    expect(await channel()).toEqual(set);
    expect((await testSend()).msgtype).toBe('text');

    // Secrets left blank keep the stored ones; the message type changes.
    await fill({ msgtype: 'markdown' });
    await admin
      .getByRole('status')
      .filter({ hasText: `已保存：3412 ${dingName}` })
      .waitFor();
    const changed = await channel();
    expect(changed).toMatchObject({ config: { msgtype: 'markdown' } });
    expect(changed!.secrets.map((s) => s.set)).toEqual([true, true]);
    expect((await testSend()).msgtype).toBe('markdown');
    await screenshot(admin, 'notify-admin-1366');
  });
});

describe('发送记录 (dead messages and 重发)', () => {
  test('a 催报 the county’s WeCom robot keeps refusing is dead after the last try, listed with the robot’s error; 重发 puts it back in line and it goes', async () => {
    const admin = await openAs(browser, 'admin', wide);
    // A county whose latest report is unsent, other than the clerk of the 通知设置 test.
    const status = await query<{ counties: { code: string; timeliness: string | null }[] }>(
      admin,
      'status.overview',
      {},
    );
    const county = status.counties.find((c) => c.timeliness === 'missing' && c.code !== '340321')?.code;
    expect(county, '演示数据中应有未报送月报的县区').toBeDefined();
    const wecomName = (await query<Kinds>(admin, 'notify.kinds', {})).channels.find((c) => c.code === 'wecom')!.name;
    const key = randomBytes(8).toString('hex');
    const refusal = { errcode: -1, errmsg: '机器人服务暂不可用' };
    robot.answerWith((r) =>
      r.path === '/cgi-bin/webhook/send' ? { status: 503, body: refusal } : { status: 200, body: { errcode: 0 } },
    );

    await admin.goto('/admin/notify');
    const form = admin.locator('form[action="?/save"]');
    await form.getByLabel('单位代码').fill(county!);
    await form.getByLabel('渠道').selectOption({ label: wecomName });
    await form.getByLabel('Webhook 地址').fill(`${robot.base}/cgi-bin/webhook/send?key=${key}`);
    await form.getByRole('button', { name: '保存' }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: `已保存：${county} ${wecomName}` })
      .waitFor();

    // The city officer urges the county's report from its page, as in use.
    const officer = await openAs(browser, `city${county!.slice(0, 4)}`, wide);
    await officer.goto(`/county/${county}`);
    const missing = officer.getByRole('region', { name: '未报送事项' });
    await missing.getByRole('button', { name: /^催报.*月报未报送$/ }).click();
    await missing.getByText(/^已催报，\d+ 人收到通知$/).waitFor();
    const clerk = await openAs(browser, `county${county}`, wide);
    const title = (await query<{ kind: string; title: string }[]>(clerk, 'notices.mine', {})).find(
      (n) => n.kind === 'urge.report',
    )?.title;
    expect(title).toMatch(/^催报：/);

    const ours = (m: OutboxRow) => m.subject === title && m.unitCode === county;
    await expect
      .poll(async () => (await query<Outbox>(admin, 'notify.outbox', { state: 'dead' })).messages.some(ours), {
        timeout: 30_000,
        interval: 300,
      })
      .toBe(true);
    const dead = (await query<Outbox>(admin, 'notify.outbox', { state: 'dead' })).messages.find(ours)!;
    const posts = robot.received.filter(
      (r) => r.query.get('key') === key && String(r.body?.markdown?.content).includes(title!),
    );
    expect(posts).toHaveLength(notifyTimings.maxAttempts);
    const robotError = `接收方答复 HTTP 503：${JSON.stringify(refusal)}`;
    expect(dead).toMatchObject({ to: '群', attempts: notifyTimings.maxAttempts, lastError: robotError });

    await admin.goto('/admin/notify');
    await admin.getByRole('link', { name: '发送记录' }).click();
    await admin.waitForURL(/\/admin\/outbox$/);
    const counts = await query<Outbox>(admin, 'notify.outbox', { state: 'dead' });
    await admin
      .getByRole('navigation', { name: '按状态' })
      .getByRole('link', { name: `发送失败（${counts.counts.dead}）` })
      .and(admin.locator('[aria-current=page]'))
      .waitFor();
    // The city's DingTalk robot of the test above carries the 催报 too: this row is the county's WeCom robot's.
    const ourRow = () =>
      admin
        .getByRole('row')
        .filter({ hasText: title! })
        .filter({ hasText: `${wecomName}（${county}）` });
    const row = ourRow();
    expect((await row.getByRole('cell').allTextContents()).map((t) => t.trim())).toEqual([
      String(dead.id),
      `${wecomName}（${county}）`,
      '群',
      title,
      expect.stringMatching(new RegExp(`^${notifyTimings.maxAttempts} 次`)),
      robotError,
      '重发',
    ]);
    await row.getByText('明细').click();
    expect(await row.getByRole('listitem').allTextContents()).toEqual(
      Array.from({ length: notifyTimings.maxAttempts }, () => expect.stringContaining(robotError)),
    );
    await screenshot(admin, 'notify-outbox-dead-1366');

    // 重发: the robot now holds the request, so the message is seen pending (in flight) before it goes.
    robot.answerWith((r) => (String(r.body?.markdown?.content).includes(title!) ? 'hold' : { status: 200, body: {} }));
    await row.getByRole('button', { name: '重发' }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: `消息 ${dead.id} 已重新排队发送。` })
      .waitFor();
    expect(await ourRow().count()).toBe(0);
    const pending = (await query<Outbox>(admin, 'notify.outbox', { state: 'pending' })).messages.find(ours);
    expect(pending).toMatchObject({ id: dead.id, state: 'pending', attempts: 0, lastError: null });
    await admin.goto('/admin/outbox?state=pending');
    expect(await ourRow().getByRole('cell').first().textContent()).toBe(String(dead.id));
    await expect
      .poll(() => robot.received.filter((r) => r.query.get('key') === key).length, { timeout: 10_000 })
      .toBe(notifyTimings.maxAttempts + 1);
    robot.release();
    await expect
      .poll(async () => (await query<Outbox>(admin, 'notify.outbox', { state: 'sent' })).messages.find(ours)?.id, {
        timeout: 10_000,
        interval: 300,
      })
      .toBe(dead.id);
    await admin.goto('/admin/outbox?state=sent');
    expect(await ourRow().getByRole('cell').first().textContent()).toBe(String(dead.id));
    await screenshot(admin, 'notify-outbox-sent-1366');
  });
});

describe('the three pages at 1366 and 390 px', () => {
  test.each([
    { name: '1366', viewport: wide },
    { name: '390', viewport: { width: 390, height: 844 } },
  ])('$name px: nothing overflows, no text clipped or drawn over, axe finds nothing', async ({ name, viewport }) => {
    const admin = await openAs(browser, 'admin', viewport);
    const found: string[] = [];
    for (const path of ['/account/notify', '/admin/notify', '/admin/outbox', '/admin/outbox?state=sent']) {
      await admin.goto(path);
      await admin.waitForLoadState('networkidle');
      await screenshot(admin, `notify-${name}-${path.replace(/[^a-z0-9]+/gi, '_')}`);
      const f = await layoutFaults(admin);
      for (const e of f.overflowing) found.push(`${path} overflows: ${e}`);
      for (const e of f.clipped) found.push(`${path} clipped: ${e}`);
      for (const e of f.overlapping) found.push(`${path} overlapping: ${e}`);
      for (const v of await axeViolations(admin)) found.push(`${path} ${v.id} (${v.impact}): ${v.targets.join(' | ')}`);
    }
    expect(found).toEqual([]);
    await admin.context().close();
  });
});
