/**
 * Fetching and reading a TC token (TR-03124-1 §2.6), just enough for the training card: a
 * token is flat XML, `<TCTokenType>` with `<ServerAddress>`, `<RefreshAddress>`,
 * `<CommunicationErrorAddress>` and more we do not need.
 */

export interface TcToken {
  refreshAddress: string;
  communicationErrorAddress?: string;
}

export type TcTokenResult =
  | { kind: 'token'; token: TcToken }
  /** Redirected, but no token at the end: the browser belongs on the last redirect target. */
  | { kind: 'redirect'; url: string }
  | { kind: 'unreachable' }
  /** Answered, but not with a token. */
  | { kind: 'invalid' };

const MAX_REDIRECTS = 5;

export async function fetchTcToken(
  tcTokenURL: string,
  options: { timeoutMs: number; signal: AbortSignal },
): Promise<TcTokenResult> {
  const signal = AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]);
  let url = tcTokenURL;
  let redirectedTo: string | undefined;
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const response = await fetch(url, { redirect: 'manual', signal });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        redirectedTo = new URL(location, url).href;
        url = redirectedTo;
        continue;
      }
      const token = response.ok ? parseTcToken(await response.text()) : undefined;
      if (token) return { kind: 'token', token };
      await response.body?.cancel();
      break;
    }
  } catch {
    if (redirectedTo === undefined) return { kind: 'unreachable' };
  }
  return redirectedTo === undefined ? { kind: 'invalid' } : { kind: 'redirect', url: redirectedTo };
}

export function parseTcToken(xml: string): TcToken | undefined {
  if (!/<(\w+:)?TCTokenType[\s>]/.test(xml)) return undefined;
  const refreshAddress = element(xml, 'RefreshAddress');
  if (refreshAddress === undefined) return undefined;
  const communicationErrorAddress = element(xml, 'CommunicationErrorAddress');
  return {
    refreshAddress,
    ...(communicationErrorAddress !== undefined && { communicationErrorAddress }),
  };
}

function element(xml: string, name: string): string | undefined {
  const match = new RegExp(`<(?:\\w+:)?${name}>([\\s\\S]*?)</(?:\\w+:)?${name}>`).exec(xml);
  const text = match?.[1]?.replace(/^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/, '$1').trim();
  return text ? decodeEntities(text) : undefined;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** TR-03124-1 §2.2: the result travels to the provider as query parameters. */
export function withResult(address: string, major: 'ok' | 'error', minor?: string): string {
  const url = new URL(address);
  url.searchParams.set('ResultMajor', major);
  if (minor !== undefined) url.searchParams.set('ResultMinor', minor);
  return url.href;
}
