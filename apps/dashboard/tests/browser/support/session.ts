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

/** Answers the open confirmation dialog (ConfirmButton) with its confirm button. */
export async function confirmIn(page: Page, confirmLabel: string): Promise<void> {
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: confirmLabel, exact: true }).click();
}
