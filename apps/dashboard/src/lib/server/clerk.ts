import { redirect } from '@sveltejs/kit';
import { withAsOf } from '$lib/as-of';
import { homeFor } from '$lib/roles';
import type { SessionUser } from '$lib/session';

/** The workspace is a county clerk's own: anyone else goes to their home page. */
export function clerkOnly(user: SessionUser | null, asOf: string | null): { county: string; asOf: string } {
  if (!user || !asOf) redirect(303, '/login');
  if (user.role !== 'county_clerk') redirect(303, withAsOf(homeFor(user), asOf));
  return { county: user.scopeCode, asOf };
}
