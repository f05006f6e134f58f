import { chineseDate, periodText, reminderDays, workingDayAfter } from '@dudao/metrics';
import { addDays, periodEnd, type CampaignDef } from '@dudao/schema/campaign';
import type { StatusResult } from '@dudao/metrics';
import type { Ctx } from '../context';
import { reportSubmittedBy } from './done';
import { enqueueNotice, type Condition } from './enqueue';
import { usersByScope } from './recipients';

/** A deadline the campaign clock reminds of: each period's report, each gate. */
interface Deadline {
  key: string;
  deadline: string;
  /** What is due, in a sentence's words: 2021年10月月报, 每个村配备社会救助协理员. */
  what: string;
  gate?: CampaignDef['gates'][number];
  period?: string;
}

function deadlines(campaign: CampaignDef): Deadline[] {
  return [
    ...campaign.periods.map((period) => ({
      key: `report:${period}`,
      deadline: addDays(periodEnd(period), campaign.reportDueAfterDays),
      what: `${periodText(period)}${campaign.reportName}`,
      period,
    })),
    ...campaign.gates.map((gate) => ({ key: `gate:${gate.code}`, deadline: gate.deadline, what: gate.name, gate })),
  ];
}

interface Due {
  item: Deadline;
  when: 'soon' | 'overdue';
  n?: number;
}

/** The reminders whose day is `day`: 临近提醒 only while the deadline has not passed by `today`. */
export function remindersOn(campaign: CampaignDef, day: string, today: string): Due[] {
  const out: Due[] = [];
  for (const item of deadlines(campaign)) {
    for (const { n, day: on } of reminderDays(item.deadline, campaign.reminderDays ?? [3, 1]))
      if (on === day && today <= item.deadline) out.push({ item, when: 'soon', n });
    if (workingDayAfter(item.deadline) === day) out.push({ item, when: 'overdue' });
  }
  return out;
}

interface Target {
  /** Whose thing it is (a county, or a city for a city gate). */
  unit: string;
  unitName: string;
  condition: Condition;
  /** Who is reminded, and whose group robots carry it. */
  role: 'county_clerk' | 'city_officer';
  scope: string;
}

/** Units that have not done the thing as of `today`, judged by the metrics (gates) or the submissions (reports). */
async function undone(ctx: Ctx<'campaign'>, due: Due, status: StatusResult, today: string): Promise<Target[]> {
  const { item, when } = due;
  const wanted = when === 'soon' ? 'pending' : 'overdue';
  if (item.period) {
    const out: Target[] = [];
    for (const c of status.counties)
      if (!(await reportSubmittedBy(ctx, c.code, item.period, today)))
        out.push({
          unit: c.code,
          unitName: c.name,
          role: 'county_clerk',
          scope: c.code,
          condition: { type: 'report', county: c.code, period: item.period },
        });
    return out;
  }
  const gate = item.gate!;
  const condition = (unit: string): Condition => ({ type: 'gate', gate: gate.code, unit, when });
  if (gate.level === 'city')
    return status.cities
      .filter((c) => c.gates[gate.code] === wanted)
      .map((c) => ({
        unit: c.code,
        unitName: c.name,
        role: 'city_officer',
        scope: c.code,
        condition: condition(c.code),
      }));
  // Supervising a lagging county is its city's duty: the city's officers are reminded.
  const cityDuty = gate.kind === 'supervision_of_lagging';
  return status.counties
    .filter((c) => c.gates[gate.code] === wanted)
    .map((c) => ({
      unit: c.code,
      unitName: c.name,
      role: cityDuty ? 'city_officer' : 'county_clerk',
      scope: cityDuty ? c.cityCode : c.code,
      condition: condition(c.code),
    }));
}

/** The words that leave by DingTalk, e-mail or SMS: periods and dates as the pages write them (2021年11月5日). */
function wording(due: Due, target: Target, today: string) {
  const { item } = due;
  const verb = item.period ? '报送' : '完成';
  const deadline = chineseDate(item.deadline);
  if (due.when === 'soon')
    return {
      kind: 'reminder.soon',
      title: `临近提醒：${item.what}将于${deadline}截止`,
      body: `${target.unitName}：${item.what}须于${deadline}前${verb}，截止前还剩 ${due.n} 个工作日（含今天），目前尚未${verb}，请抓紧办理。`,
    };
  return {
    kind: 'reminder.overdue',
    title: `逾期提醒：${item.what}已逾期`,
    body: `${target.unitName}：${item.what}应于${deadline}前${verb}，截至${chineseDate(today)}仍未${verb}，请尽快办理并报告。`,
  };
}

/** Writes the reminders of `day` to the units still owing them; returns how many outbox rows it wrote. */
export async function enqueueReminders(
  ctx: Ctx<'campaign'>,
  day: string,
  today: string,
  status: StatusResult,
  at: string,
): Promise<number> {
  const { campaign } = ctx;
  let written = 0;
  for (const due of remindersOn(campaign, day, today)) {
    const targets = await undone(ctx, due, status, today);
    if (targets.length === 0) continue;
    const people = await usersByScope(ctx, targets[0]!.role, [...new Set(targets.map((t) => t.scope))]);
    for (const target of targets) {
      const slot = due.when === 'soon' ? `soon${due.n}` : 'overdue';
      written += await enqueueNotice(
        ctx,
        people.get(target.scope) ?? [],
        {
          ...wording(due, target, today),
          unitCode: target.scope,
          period: due.item.period,
          key: `rem:${campaign.code}:${due.item.key}:${slot}:${target.unit}`,
          condition: target.condition,
        },
        at,
      );
    }
  }
  return written;
}
