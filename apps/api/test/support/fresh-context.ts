import { afterEach } from 'vitest';
import type { Opened } from '../../src/db/client';
import { systemActor } from '../../src/services/actor';
import { currentCampaign } from '../../src/services/campaign/store';
import { setClock } from '../../src/services/clock/clock';
import { serviceContext, type ServiceContext } from '../../src/services/context';
import { freshDb } from './fresh-db';

/**
 * Call once at the top of a test file: it gives each call a fresh database (on the engine under test) as the system's
 * service context, its clock frozen at `clock` when one is given, and closes every database it gave after each test.
 */
export function freshContexts(): (clock?: string) => Promise<ServiceContext> {
  const handles: Opened[] = [];
  afterEach(async () => {
    for (const h of handles.splice(0)) await h.close();
  });
  return async (clock) => {
    const opened = await freshDb();
    handles.push(opened);
    const ctx = serviceContext(opened.db, await currentCampaign({ db: opened.db }), systemActor);
    if (clock !== undefined) await setClock(ctx, { at: clock, mode: 'frozen' });
    return ctx;
  };
}
