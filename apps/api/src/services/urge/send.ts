import { beijingDate } from '@dudao/schema/campaign';
import { chineseDate, dispatchCopyAt, periodText } from '@dudao/metrics';
import { urges } from '@dudao/schema/tables';
import { stampedWrite, type Ctx } from '../context';
import { recordAudit } from '../audit/record';
import { DomainError } from '../errors';
import { notifyRole, type NoticeInput } from '../notices/notify';
import { getUnit } from '../org/units';
import { copyEvents, copyOf, orderById } from '../dispatch/read';
import { findReport } from '../reports/store';

export interface UrgeInput {
  kind: 'report' | 'roster' | 'summary' | 'dispatch';
  unit: string;
  period?: string;
  id?: number;
}

const open = new Set(['draft', 'returned']);

async function requireLevel(ctx: Ctx, unit: string, level: 'county' | 'city', what: string) {
  const found = await getUnit(ctx, unit);
  if (found?.level !== level)
    throw new DomainError(
      'bad_request',
      `催报对象：${unit} 不是${level === 'county' ? '县级' : '市级'}单位，不能催报${what}`,
    );
  return found;
}

async function noticeFor(ctx: Ctx<'campaign' | 'actor'>, input: UrgeInput, at: string): Promise<NoticeInput> {
  const { campaign, actor } = ctx;
  if (input.kind === 'report') {
    const name = campaign.reportName;
    await requireLevel(ctx, input.unit, 'county', name);
    if (!input.period || !campaign.periods.includes(input.period))
      throw new DomainError('bad_request', `报送期：催报${name}须指定行动期内的报送期`);
    const report = await findReport(ctx, input.unit, input.period);
    if (report && !open.has(report.state))
      throw new DomainError('conflict', `${periodText(input.period)}${name}已报送，无需催报`);
    return {
      kind: 'urge.report',
      title: `催报：${periodText(input.period)}${name}`,
      body: `${actor.label}催报，请尽快填报并报送${periodText(input.period)}${name}。`,
      unitCode: input.unit,
      period: input.period,
    };
  }
  if (input.kind === 'roster') {
    await requireLevel(ctx, input.unit, 'county', '台账');
    return {
      kind: 'urge.roster',
      title: '催报：请尽快上传或更新村级台账',
      body: `${actor.label}催报村级台账，请尽快上传。`,
      unitCode: input.unit,
    };
  }
  if (input.kind === 'summary') {
    await requireLevel(ctx, input.unit, 'city', '总结');
    if (actor.scopeCode === input.unit) throw new DomainError('forbidden', '市级总结只能由省级催报');
    return {
      kind: 'urge.summary',
      title: '催报：请尽快报送市级行动总结',
      body: `${actor.label}催报市级行动总结，截止日期为${chineseDate(campaign.summaryDue)}。`,
      unitCode: input.unit,
    };
  }
  if (input.id === undefined) throw new DomainError('bad_request', '编号：催办督办单须指定督办单编号');
  const order = await orderById(ctx, input.id);
  const copy = await copyOf(ctx, input.id, input.unit);
  if (dispatchCopyAt(await copyEvents(ctx, copy.id), order.deadline, beijingDate(at)).state === 'closed')
    throw new DomainError('conflict', '该督办单已办结，无需催办');
  return {
    kind: 'urge.dispatch',
    title: `催办：督办单“${order.title}”`,
    body: `请于${chineseDate(order.deadline)}前办理并反馈。`,
    unitCode: input.unit,
  };
}

/** 催报 / 催办: notices to the people who owe the item, and one counted, audited row. */
export async function sendUrge(
  ctx: Ctx<'campaign' | 'actor'>,
  input: UrgeInput,
  given?: string,
): Promise<{ id: number; recipients: number }> {
  // An append judging nothing: two 催报 sent at once are two 催报, each counted.
  return stampedWrite(ctx, { at: given, locks: [] }, async (ctx, at) => {
    const { db, campaign, actor } = ctx;
    const notice = await noticeFor(ctx, input, at);
    const role = input.kind === 'summary' ? 'city_officer' : 'county_clerk';
    const recipients = await notifyRole(ctx, role, input.unit, notice, at);
    const row = await db
      .insert(urges)
      .values({
        campaignCode: campaign.code,
        kind: input.kind,
        unitCode: input.unit,
        period: input.kind === 'report' ? input.period! : null,
        orderId: input.kind === 'dispatch' ? input.id! : null,
        at,
        actorId: actor.id,
        actor: actor.label,
      })
      .returning({ id: urges.id })
      .get();
    await recordAudit(ctx, at, [
      {
        action: `urge.${input.kind}`,
        entity: 'urge',
        entityId: row.id,
        unitCode: input.unit,
        period: input.period ?? null,
        field: 'recipients',
        newValue: String(recipients),
      },
    ]);
    return { id: row.id, recipients };
  });
}
