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
  await admin.context().close();
  if (!approved || !draft) throw new Error('演示数据中应有已审核和草稿月报');
  const county = draft.countyCode;
  const city = county.slice(0, 4);
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
        `/city/${city}`,
        `/city/${city}/inbox`,
        `/city/${city}/supervision`,
        `/city/${city}/dispatch`,
        // A 督办 figure's list (the link of 逾期 on an overview), with its filter line and 显示全部.
        '/dispatch?show=overdue',
      ],
    },
    { username: 'viewer', paths: [...province, ...countyPages] },
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
      ],
    },
    {
      username: `county${county}`,
      paths: [
        '/workspace',
        `/workspace/report/${draft.period}`,
        '/workspace/roster',
        '/workspace/dispatch',
        `/county/${county}`,
        '/notices',
        '/account',
        '/account/notify',
      ],
    },
  ];
}
