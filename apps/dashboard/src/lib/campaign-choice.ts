/** The campaign the user chose in the header's switcher; the dashboard sends it to the API as `x-dudao-campaign`. */
export const campaignCookie = 'dudao_campaign';
export const campaignHeader = 'x-dudao-campaign';

const codePattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The chosen code from a request's Cookie header, when it looks like a campaign code at all. */
export function chosenCampaign(cookieHeader: string | null): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name !== campaignCookie) continue;
    const value = decodeURIComponent(rest.join('='));
    return codePattern.test(value) ? value : undefined;
  }
  return undefined;
}

export function isCampaignCode(value: unknown): value is string {
  return typeof value === 'string' && codePattern.test(value);
}
