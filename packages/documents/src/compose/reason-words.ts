import { percentText, periodText, type CountyStatus, type Reason } from '@dudao/metrics';
import type { Snapshot } from '../snapshot';
import { typeset } from './format';

/**
 * A lagging reason as a 通报 writes it: plain words, not the dashboard's (no 综合得分, no ISO dates). many_red is the
 * metrics' own sentence, typeset, so it names the indicators exactly as the pages and the 督办单 do; `brief` (a table
 * cell) keeps its count and leaves the names to the text.
 */
export function reasonWords(snapshot: Snapshot, reason: Reason, brief = false): string {
  const { campaign } = snapshot;
  const f = reason.figures;
  switch (reason.code) {
    case 'low_score':
      return `${campaign.documents.assessment.name}得分低于${campaign.thresholds.lowScore}分`;
    case 'late_report': {
      const what = `${periodText(String(f.period))}${campaign.reportName}`;
      return f.submittedOn === null ? `${what}未按时报送` : `${what}晚于截止日${f.daysLate}天报送`;
    }
    case 'many_red':
      // A table cell gives the count; the indicators' names are in the text, where a line can hold them whole.
      return typeset(brief ? (reason.text.split('：')[0] ?? reason.text) : reason.text);
    default:
      return (brief && rosterCell(snapshot, reason)) || typeset(reason.text);
  }
}

/**
 * A roster gate's reason in a table cell: the indicator by the short name the annex's headers use and the two shares
 * ('协理员配备率82.1%，低于100%'); the text's sentence names it in full.
 */
function rosterCell(snapshot: Snapshot, reason: Reason): string | null {
  const { campaign } = snapshot;
  const gate = campaign.gates.find((g) => `gate_overdue:${g.reasonCode ?? g.code}` === reason.code);
  if (gate?.kind !== 'roster_condition') return null;
  const def = campaign.indicators.find((i) => i.code === gate.showsIndicator);
  const { value, required } = reason.figures;
  if (!def || typeof required !== 'number') return null;
  const name = def.shortName ?? def.name;
  return typeof value === 'number'
    ? `${name}${percentText(value)}，低于${percentText(required)}`
    : `未上传村级台账，${name}未达${percentText(required)}`;
}

/** All of a county's reasons, joined. */
export const reasonsText = (snapshot: Snapshot, county: CountyStatus, brief = false) =>
  county.reasons.map((r) => reasonWords(snapshot, r, brief)).join('；');
