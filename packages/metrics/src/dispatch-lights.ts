import { beijingDate } from '@dudao/schema/campaign';
import { workingDaysBetween } from './working-days';

export type DispatchAction = 'issue' | 'sign' | 'feedback' | 'sendBack' | 'close';
export type DispatchState = 'issued' | 'signed' | 'feedback' | 'closed';
export type DispatchLight = 'green' | 'yellow' | 'red' | 'closed';

export interface DispatchEvent {
  action: DispatchAction;
  /** ISO instant the event was recorded at. */
  at: string;
  text?: string | null;
  askClose?: boolean;
}

export interface DispatchCopyAt {
  state: DispatchState;
  light: DispatchLight;
  signedOn: string | null;
  closedOn: string | null;
  /** Working days left after the as-of day up to and including the deadline; null once it has passed. */
  remaining: number | null;
  /** Deadline passed without 办结 by then: red while open, 逾期办结 once closed. */
  overdue: boolean;
  /** 逾期未签收: not signed within the 2 working days after issue. */
  lateSigning: boolean;
  askClose: boolean;
  lastReason: string | null;
}

export const SIGN_WITHIN_WORKING_DAYS = 2;
export const YELLOW_WITHIN_WORKING_DAYS = 3;

const allowed: Record<Exclude<DispatchAction, 'issue'>, DispatchState> = {
  sign: 'issued',
  feedback: 'signed',
  sendBack: 'feedback',
  close: 'feedback',
};
const after: Record<Exclude<DispatchAction, 'issue'>, DispatchState> = {
  sign: 'signed',
  feedback: 'feedback',
  sendBack: 'signed',
  close: 'closed',
};

/** Whether `action` may follow a copy in `state` (交办 → 签收 → 反馈 → 办结, or 退回 to 签收). */
export function canApply(state: DispatchState, action: Exclude<DispatchAction, 'issue'>): boolean {
  return allowed[action] === state;
}

/** The colour at day `t` for an open copy: green beyond 3 working days left, yellow within, red once past. */
export function lightOn(t: string, deadline: string): Exclude<DispatchLight, 'closed'> {
  if (t > deadline) return 'red';
  return workingDaysBetween(t, deadline) > YELLOW_WITHIN_WORKING_DAYS ? 'green' : 'yellow';
}

/** One county's copy as it stood at the end of `asOf` (Beijing day): the fold of its events recorded by then. */
export function dispatchCopyAt(events: readonly DispatchEvent[], deadline: string, asOf: string): DispatchCopyAt {
  const known = events
    .filter((e) => beijingDate(e.at) <= asOf)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const issue = known.find((e) => e.action === 'issue');
  if (!issue) throw new Error(`督办单在 ${asOf} 尚未下发`);
  let state: DispatchState = 'issued';
  let signedOn: string | null = null;
  let closedOn: string | null = null;
  let askClose = false;
  let lastReason: string | null = null;
  for (const e of known) {
    if (e.action === 'issue' || !canApply(state, e.action)) continue;
    state = after[e.action];
    if (e.action === 'sign') signedOn = beijingDate(e.at);
    if (e.action === 'feedback') askClose = e.askClose === true;
    if (e.action === 'sendBack') lastReason = e.text ?? null;
    if (e.action === 'close') closedOn = beijingDate(e.at);
  }
  const issuedOn = beijingDate(issue.at);
  const signDay = signedOn ?? asOf;
  const lateSigning = workingDaysBetween(issuedOn, signDay) > SIGN_WITHIN_WORKING_DAYS;
  const judgedOn = closedOn ?? asOf;
  return {
    state,
    light: closedOn ? 'closed' : lightOn(asOf, deadline),
    signedOn,
    closedOn,
    remaining: asOf > deadline ? null : workingDaysBetween(asOf, deadline),
    overdue: judgedOn > deadline,
    lateSigning,
    askClose: state === 'feedback' && askClose,
    lastReason,
  };
}

export interface DispatchCounts {
  issued: number;
  closedOnTime: number;
  overdue: number;
  redNow: number;
  lateSigning: number;
}

type CountedCopy = Pick<DispatchCopyAt, 'state' | 'light' | 'overdue' | 'lateSigning'>;

/**
 * Which county copies each count counts. The one rule for a figure and for the list its link opens: a count is the
 * number of copies its rule keeps, and the list filtered by the same rule has exactly that many rows.
 */
export const dispatchCountRules: { readonly [K in keyof DispatchCounts]: (c: CountedCopy) => boolean } = {
  issued: () => true,
  closedOnTime: (c) => c.state === 'closed' && !c.overdue,
  overdue: (c) => c.overdue,
  redNow: (c) => c.light === 'red',
  lateSigning: (c) => c.lateSigning && c.state === 'issued',
};

/** The counts shown on the overviews, over county copies (one order to three counties is three). */
export function dispatchCounts(copies: readonly CountedCopy[]): DispatchCounts {
  const count = (key: keyof DispatchCounts) => copies.filter(dispatchCountRules[key]).length;
  return {
    issued: count('issued'),
    closedOnTime: count('closedOnTime'),
    overdue: count('overdue'),
    redNow: count('redNow'),
    lateSigning: count('lateSigning'),
  };
}

const stateText: Record<DispatchState, string> = {
  issued: '待签收',
  signed: '已签收',
  feedback: '已反馈',
  closed: '已办结',
};

/** The words beside a light, so it never rests on colour alone. */
export function dispatchStatusText(
  c: Pick<DispatchCopyAt, 'state' | 'light' | 'overdue' | 'lateSigning' | 'remaining'>,
): string {
  if (c.state === 'closed') return c.overdue ? '逾期办结' : '按期办结';
  const base = c.state === 'issued' && c.lateSigning ? '逾期未签收' : stateText[c.state];
  if (c.light === 'red') return `${base}（已超期）`;
  return `${base}（剩 ${c.remaining} 个工作日）`;
}

export const dispatchStateText = stateText;
