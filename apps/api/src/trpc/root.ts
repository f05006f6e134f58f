import { router } from './init';
import { campaignRouter } from './routers/campaign';
import { clockRouter } from './routers/clock';
import { dispatchRouter } from './routers/dispatch';
import { documentsRouter, summariesRouter } from './routers/documents';
import { documentSettingsRouter } from './routers/document-settings';
import { auditRouter, casesRouter, rosterRouter } from './routers/county-data';
import { noticesRouter, todoRouter } from './routers/inbox';
import { reportsRouter } from './routers/reports';
import { statusRouter } from './routers/status';
import { supervisionRouter } from './routers/supervision';
import { unitsRouter } from './routers/units';
import { urgeRouter } from './routers/urge';
import { accountRouter, usersRouter } from './routers/users';
import { notifyRouter } from './routers/notify';

export const appRouter = router({
  units: unitsRouter,
  campaign: campaignRouter,
  clock: clockRouter,
  status: statusRouter,
  reports: reportsRouter,
  roster: rosterRouter,
  cases: casesRouter,
  audit: auditRouter,
  supervision: supervisionRouter,
  todo: todoRouter,
  notices: noticesRouter,
  users: usersRouter,
  account: accountRouter,
  documents: documentsRouter,
  summaries: summariesRouter,
  dispatch: dispatchRouter,
  urge: urgeRouter,
  documentSettings: documentSettingsRouter,
  notify: notifyRouter,
});

export type AppRouter = typeof appRouter;
