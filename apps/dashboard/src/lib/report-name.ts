import { page } from '$app/state';
import type { Campaign } from './api-types';

/** The campaign's name for one report (月报, 季报), for components that any logged-in page may show. */
export function reportName(): string {
  // The root layout carries the campaign's terms on every page a logged-in user sees.
  return (page.data.terms as Pick<Campaign, 'reportName'>).reportName;
}
