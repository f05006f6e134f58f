import type { Browser } from 'playwright-core';
import { query } from './api';
import { openAs } from './session';

export interface RolePages {
  username: string;
  paths: string[];
}

/** Every page each demo role reaches from its menu and its links, with real records (a draft, an approved report). */
export async function pagesOfEveryRole(browser: Browser): Promise<RolePages[]> {
  const admin = await openAs(browser, 'admin');
  const approved = (
    await query<{ countyCode: string; period: string }[]>(admin, 'reports.list', {
      unit: '34',
      state: 'approved',
    })
  )[0];
  const draft = (await query<{ countyCode: string; period: string }[]>(admin, 'reports.list', { state: 'draft' })).at(
    -1,
  );
  const county = draft?.countyCode ?? '';
  const city = county.slice(0, 4);
  // A report the city still has to decide on: the page with the 市级审核 forms.
  const submitted = (
    await query<{ countyCode: string; period: string }[]>(admin, 'reports.list', { unit: city, state: 'submitted' })
  )[0];
  await admin.context().close();
  if (!approved || !draft) throw new Error('演示数据中应有已审核和草稿月报');
  const cityPages = [`/city/${city}`, `/city/${city}/inbox`, `/city/${city}/supervision`, `/city/${city}/dispatch`];
  const decided = submitted ? [`/county/${submitted.countyCode}/report/${submitted.period}`] : [];
  // The error page as each role meets it.
  const missing = '/no-such-page';
  const province = [
    '/',
    '/inbox',
    '/dispatch',
    '/reports',
    '/notices',
    '/account',
    '/account/notify',
    '/search?q=怀远',
  ];
  const countyPages = [`/county/${approved.countyCode}`, `/county/${approved.countyCode}/report/${approved.period}`];
  return [
    {
      username: 'admin',
      paths: [
        ...province,
        '/admin/notify',
        '/admin/outbox',
        '/clock',
        ...countyPages,
        ...cityPages,
        // A 督办 figure's list (the link of 逾期 on an overview), with its filter line and 显示全部.
        '/dispatch?show=overdue',
        missing,
      ],
    },
    { username: 'viewer', paths: [...province, ...countyPages, ...cityPages, missing] },
    {
      username: `city${city}`,
      paths: [
        `/city/${city}`,
        `/city/${city}/inbox`,
        `/city/${city}/supervision`,
        `/city/${city}/dispatch`,
        '/reports',
        '/notices',
        '/account',
        '/account/notify',
        `/county/${county}`,
        `/county/${county}/report/${draft.period}`,
        ...decided,
        '/search?q=县',
        missing,
      ],
    },
    {
      username: `county${county}`,
      paths: [
        '/workspace',
        `/workspace/report/${draft.period}`,
        // July, sent long ago (read-only), and November, not yet over on the clock's day (提前报送).
        '/workspace/report/2021-07',
        '/workspace/report/2021-11',
        '/workspace/roster',
        '/workspace/dispatch',
        `/county/${county}`,
        '/notices',
        '/account',
        '/account/notify',
        '/search?q=镇',
        missing,
      ],
    },
  ];
}
