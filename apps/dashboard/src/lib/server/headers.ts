import type { RequestEvent } from '@sveltejs/kit';
import { campaignHeader, chosenCampaign } from '$lib/campaign-choice';

const passedUp = ['accept', 'accept-language', 'content-type', 'cookie', 'origin', 'trpc-accept', 'user-agent'];
const passedDown = ['cache-control', 'content-disposition', 'content-type', 'location', 'vary'];

export interface Caller {
  host: string;
  clientAddress: string;
}

export function callerOf(event: RequestEvent): Caller {
  return { host: event.url.host, clientAddress: event.getClientAddress() };
}

/** Headers for a request the dashboard makes to the API on behalf of the browser. */
export function upstreamHeaders(incoming: Headers, caller: Caller): Headers {
  const out = new Headers();
  for (const name of passedUp) {
    const value = incoming.get(name);
    if (value !== null) out.set(name, value);
  }
  const campaign = chosenCampaign(incoming.get('cookie'));
  if (campaign) out.set(campaignHeader, campaign);
  // The API compares Origin with the host the browser actually talked to, which is ours, not its own.
  out.set('x-forwarded-host', caller.host);
  out.set('x-forwarded-for', caller.clientAddress);
  return out;
}

/** Headers of an API response that the browser should see; hop-by-hop and encoding headers stay behind. */
export function downstreamHeaders(upstream: Headers): Headers {
  const out = new Headers();
  for (const name of passedDown) {
    const value = upstream.get(name);
    if (value !== null) out.set(name, value);
  }
  for (const cookie of upstream.getSetCookie()) out.append('set-cookie', cookie);
  return out;
}

/**
 * Headers every page and file the dashboard serves carries. The CSP itself comes from SvelteKit (`kit.csp` in
 * svelte.config.js), which hashes its own inline scripts; these add framing, sniffing and referrer rules.
 */
export function protectResponse(response: Response, secure: boolean): Response {
  const set = (name: string, value: string) => {
    if (!response.headers.has(name)) response.headers.set(name, value);
  };
  set('X-Frame-Options', 'DENY');
  set('X-Content-Type-Options', 'nosniff');
  set('Referrer-Policy', 'same-origin');
  set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if (secure) set('Strict-Transport-Security', 'max-age=31536000');
  return response;
}
