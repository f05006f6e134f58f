import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { AppRouter } from '@dudao/api/router';
import { loginUrl } from '$lib/next';
import { apiUrl } from './config';
import { callerOf } from './headers';
import { revalidatingFetch } from './validators';
import { campaignHeader, chosenCampaign } from '$lib/campaign-choice';

const clients = new WeakMap<RequestEvent, ReturnType<typeof clientFor>>();

/** A tRPC client that calls the API as the user of this request: one per request, so its calls share batches. */
export function apiFor(event: RequestEvent) {
  let client = clients.get(event);
  if (!client) {
    client = clientFor(event);
    clients.set(event, client);
  }
  return client;
}

function clientFor(event: RequestEvent) {
  const cookie = event.request.headers.get('cookie');
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${apiUrl()}/trpc`,
        fetch: revalidatingFetch(`${cookie ?? ''}|${chosenCampaign(cookie) ?? ''}`),
        headers: () => {
          const { host, clientAddress } = callerOf(event);
          const cookie = event.request.headers.get('cookie');
          const campaign = chosenCampaign(cookie);
          return {
            ...(cookie ? { cookie } : {}),
            ...(campaign ? { [campaignHeader]: campaign } : {}),
            origin: event.url.origin,
            'x-forwarded-host': host,
            'x-forwarded-for': clientAddress,
          };
        },
      }),
    ],
  });
}

const statusOf: Record<string, number> = { BAD_REQUEST: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

export interface Issue {
  row: number | null;
  column: string;
  message: string;
}

/** A refusal the user can act on: the API's Chinese message, and its per-field issues when it gave any. */
export function refusalOf(e: unknown): { status: number; message: string; issues: Issue[] } | null {
  if (!(e instanceof TRPCClientError)) return null;
  const code = (e.data as { code?: string } | undefined)?.code ?? '';
  const status = statusOf[code];
  if (!status) return null;
  const issues = ((e.data as { issues?: Issue[] } | undefined)?.issues ?? []).filter(Boolean);
  return { status, message: readableMessage(e.message), issues };
}

/** An input the API's schema refused arrives as the JSON list of its issues; the user reads their messages. */
export function readableMessage(message: string): string {
  if (!message.startsWith('[')) return message;
  try {
    const parsed = JSON.parse(message) as { message?: string }[];
    return (
      parsed
        .map((i) => i.message)
        .filter(Boolean)
        .join('；') || message
    );
  } catch {
    return message;
  }
}

/** A session that ended between the hook and the load sends the user back to log in. */
export async function orLogin<T>(event: RequestEvent, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (e) {
    if (e instanceof TRPCClientError && e.data?.code === 'UNAUTHORIZED') redirect(303, loginUrl(event.url));
    throw e;
  }
}

/** For loads: a call outside the user's scope or of a missing unit shows the error page with the API's message. */
export async function ask<T>(event: RequestEvent, call: Promise<T>): Promise<T> {
  try {
    return await orLogin(event, call);
  } catch (e) {
    const refusal = refusalOf(e);
    if (refusal) error(refusal.status, refusal.message);
    throw e;
  }
}

/** For form actions: a refusal comes back to the form as its message and issues; nothing else is swallowed. */
export async function act<T>(event: RequestEvent, call: Promise<T>) {
  try {
    return { ok: true as const, value: await orLogin(event, call) };
  } catch (e) {
    const refusal = refusalOf(e);
    if (!refusal) throw e;
    return { ok: false as const, failure: fail(refusal.status, { error: refusal.message, issues: refusal.issues }) };
  }
}
