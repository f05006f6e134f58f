import { periodText, type CountyStatus, type Reason } from '@dudao/metrics';
import type { Snapshot } from './snapshot';
import { typeset } from './format';

/** A lagging reason as a 通报 writes it: plain words, not the dashboard's (no 红色指标, no 认定标准). */
export function reasonWords(snapshot: Snapshot, reason: Reason): string {
  const { campaign } = snapshot;
  const f = reason.figures;
  switch (reason.code) {
    case 'low_score':
      return `${campaign.documents.assessment.name}得分低于${campaign.thresholds.lowScore}分`;
    case 'many_red': {
      const missing = Number(f.missingCount ?? 0);
      return `${f.redCount}项指标未达到序时要求${missing > 0 ? `（其中${missing}项未报送）` : ''}`;
    }
    case 'late_report': {
      const what = `${periodText(String(f.period))}${campaign.reportName}`;
      return f.submittedOn === null ? `${what}未按时报送` : `${what}晚于截止日${f.daysLate}天报送`;
    }
    default:
      return typeset(reason.text);
  }
}

/** All of a county's reasons, joined. */
export const reasonsText = (snapshot: Snapshot, county: CountyStatus) =>
  county.reasons.map((r) => reasonWords(snapshot, r)).join('；');
