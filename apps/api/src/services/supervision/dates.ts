import { beijingDate, type CampaignDef } from '@dudao/schema/campaign';
import { DomainError } from '../errors';

/** A visit lies inside the campaign and never after the day it is recorded (the clock's Beijing day). */
export function checkVisitDate(campaign: CampaignDef, visitedOn: string, at: string): void {
  if (visitedOn < campaign.start || visitedOn > campaign.end) {
    throw new DomainError(
      'bad_request',
      `督导日期：${visitedOn} 不在行动期间（${campaign.start} 至 ${campaign.end}）内`,
      [{ row: null, column: '督导日期', message: '不在行动期间内' }],
    );
  }
  const today = beijingDate(at);
  if (visitedOn > today) {
    throw new DomainError('bad_request', `督导日期：${visitedOn} 晚于今天（${today}），不能登记尚未发生的督导`, [
      { row: null, column: '督导日期', message: '晚于今天' },
    ]);
  }
}

/** A rectification deadline is not before the visit that set it (it may run past the campaign's end). */
export function checkDueDate(dueOn: string, visitedOn: string): void {
  if (dueOn < visitedOn) {
    throw new DomainError('bad_request', `整改期限：${dueOn} 早于督导日期（${visitedOn}）`, [
      { row: null, column: '整改期限', message: '早于督导日期' },
    ]);
  }
}
