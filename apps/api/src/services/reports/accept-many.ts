import type { CampaignDef } from '@dudao/schema/campaign';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../actor';
import { DomainError } from '../errors';
import { decideReport, type ReportRef } from './workflow';

/** 批量确认: all the chosen approved reports are accepted together, or none is (one stale or wrong-state report refuses the lot). */
export function acceptMany(db: DbOrTx, campaign: CampaignDef, actor: Actor, at: string, refs: (ReportRef & { version: number })[]) {
  const keys = new Set(refs.map((r) => `${r.countyCode}-${r.period}`));
  if (keys.size !== refs.length) throw new DomainError('bad_request', `批量确认的${campaign.reportName}有重复，请刷新后重新选择`);
  return db.transaction((tx) =>
    refs.map((ref, i) => {
      try {
        return decideReport(tx, campaign, actor, at, ref, 'accept');
      } catch (e) {
        if (e instanceof DomainError) throw new DomainError(e.kind, `第 ${i + 1} 份（${ref.countyCode} ${ref.period}）：${e.message}，未确认任何${campaign.reportName}`, e.issues);
        throw e;
      }
    }),
  );
}
