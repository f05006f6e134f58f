import type { Page } from 'playwright-core';

/** Calls a tRPC query through the dashboard's proxy with the page's own session, as the page itself would. */
export async function query<T>(page: Page, procedure: string, input: unknown): Promise<T> {
  const res = await page.request.get(`/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`);
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
  if (!res.ok() || !body.result) throw new Error(`${procedure} failed: ${res.status()} ${body.error?.message ?? ''}`);
  return body.result.data;
}

/** Calls a tRPC mutation through the dashboard's proxy with the page's own session (same origin, as a form would). */
export async function mutate<T>(page: Page, procedure: string, input: unknown): Promise<T> {
  const res = await page.request.post(`/trpc/${procedure}`, {
    data: input,
    headers: { origin: new URL(page.url()).origin },
  });
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
  if (!res.ok() || !body.result) throw new Error(`${procedure} failed: ${res.status()} ${body.error?.message ?? ''}`);
  return body.result.data;
}

export interface LaggingCounty {
  code: string;
  name: string;
  score: number | null;
  lagging: boolean;
  reasons: { code: string; text: string }[];
}

export interface StatusAnswer {
  province: { laggingCount: number } | null;
  counties: LaggingCounty[];
}
