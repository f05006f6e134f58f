import type { Browser, Page } from 'playwright-core';
import { logIn, newPage } from './browser';

/** A fresh context logged in as `username`, waiting until the role's home page has loaded. */
export async function openAs(
  browser: Browser,
  username: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await newPage(browser, viewport);
  await logIn(page, username);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.waitForLoadState('networkidle');
  return page;
}

export async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').textContent()) ?? '';
}

export async function navLabels(page: Page): Promise<string[]> {
  return (await page.getByRole('navigation', { name: '主导航' }).getByRole('link').allTextContents()).map((t) =>
    t.trim(),
  );
}

/**
 * On a phone the header's navigation and its tools (campaign, date, search) fold behind 菜单, and every new page folds
 * them again: opens them when folded. At a desk width there is no 菜单 and nothing to do.
 */
export async function openHeaderMenu(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: /^(收起)?菜单$/ });
  if (!(await toggle.isVisible())) return;
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
}

/** Answers the open confirmation dialog (ConfirmButton) with its confirm button. */
export async function confirmIn(page: Page, confirmLabel: string): Promise<void> {
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: confirmLabel, exact: true }).click();
}
