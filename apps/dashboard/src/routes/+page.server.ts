import { apiFor, orLogin } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const tree = await orLogin(event, apiFor(event).units.tree.query({}));
  return { tree };
};
