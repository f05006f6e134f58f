import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { AppRouter } from '@dudao/api/router';
import { loginUrl } from '$lib/next';
import { apiUrl } from './config';
import { callerOf } from './headers';

/** A tRPC client that calls the API as the user of this request. */
export function apiFor(event: RequestEvent) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${apiUrl()}/trpc`,
        headers: () => {
          const { host, clientAddress } = callerOf(event);
          const cookie = event.request.headers.get('cookie');
          return {
            ...(cookie ? { cookie } : {}),
            origin: event.url.origin,
            'x-forwarded-host': host,
            'x-forwarded-for': clientAddress,
          };
        },
      }),
    ],
  });
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
