import type { DocumentContent } from '../content';
import type { DocumentKind } from '../kinds';
import type { DocumentSettings } from '../settings';
import type { Snapshot } from '../snapshot';
import { citySummaryContent } from './city-summary';
import { provinceSummaryContent } from './province-summary';
import { supervisionNoticeContent } from './supervision-notice';

/** The content of one Word document of `day`: a city's summary (`unit` a city), the province's, or the notice. */
export function documentContent(
  kind: Exclude<DocumentKind, 'annex'>,
  day: Snapshot,
  unit: string,
  settings: DocumentSettings,
): DocumentContent {
  if (kind === 'city') return citySummaryContent(day, unit, settings);
  if (kind === 'province') return provinceSummaryContent(day, settings);
  return supervisionNoticeContent(day, settings);
}
