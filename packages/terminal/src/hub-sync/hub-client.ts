import { z } from 'zod';
import type {
  Heartbeat,
  SurveyResponse,
  TelemetryEvent,
  TerminalCredential,
} from '@sidbox/protocol';
import { signTerminalToken, type SignedConfigBundle } from '@sidbox/signing';

/** How one call to the hub went, in the terms hub sync acts on. */
export type HubReply<T> =
  | { kind: 'ok'; body: T; etag: string | undefined }
  | { kind: 'not-modified' }
  | { kind: 'revoked' }
  /** The hub understood and refused (4xx other than revocation): retrying will not help. */
  | { kind: 'refused'; status: number; code: string }
  /** Network error, timeout, 5xx or 429: try again later. */
  | { kind: 'unreachable'; reason: string };

const ConfigReply = z.object({ config: z.string(), keyChain: z.array(z.string()) });
const IngestReply = z.object({ stored: z.number(), duplicates: z.number() });
const ErrorReply = z.object({ error: z.object({ code: z.string() }) });
export type IngestReply = z.infer<typeof IngestReply>;

export type Fetch = typeof fetch;

/** The terminal's calls to the hub, each with a fresh token signed by the terminal's own key. */
export class HubClient {
  constructor(
    private readonly credential: TerminalCredential,
    private readonly timeoutMs: number,
    private readonly fetchImpl: Fetch = fetch,
  ) {}

  config(etag: string | undefined, signal: AbortSignal): Promise<HubReply<SignedConfigBundle>> {
    return this.call('GET', '/config', undefined, ConfigReply, signal, etag);
  }

  heartbeat(heartbeat: Heartbeat, signal: AbortSignal): Promise<HubReply<unknown>> {
    return this.call('POST', '/heartbeat', heartbeat, z.unknown(), signal);
  }

  telemetry(events: TelemetryEvent[], signal: AbortSignal): Promise<HubReply<IngestReply>> {
    return this.call('POST', '/telemetry', { events }, IngestReply, signal);
  }

  surveys(responses: SurveyResponse[], signal: AbortSignal): Promise<HubReply<IngestReply>> {
    return this.call('POST', '/surveys', { responses }, IngestReply, signal);
  }

  private async call<T>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
    signal: AbortSignal,
    etag?: string,
  ): Promise<HubReply<T>> {
    let response: Response;
    try {
      const token = await signTerminalToken(this.credential);
      response = await this.fetchImpl(new URL(`api/terminal${path}`, this.baseUrl()), {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(etag && { 'if-none-match': etag }),
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.timeoutMs)]),
      });
    } catch (error) {
      return { kind: 'unreachable', reason: (error as Error).message };
    }
    return interpret(response, schema);
  }

  private baseUrl(): string {
    const url = this.credential.hubUrl;
    return url.endsWith('/') ? url : `${url}/`;
  }
}

async function interpret<T>(response: Response, schema: z.ZodType<T>): Promise<HubReply<T>> {
  const json = await response.json().catch(() => undefined);
  if (response.status === 304) return { kind: 'not-modified' };
  if (response.status >= 500 || response.status === 429) {
    return { kind: 'unreachable', reason: `HTTP ${response.status}` };
  }
  if (response.status >= 400) {
    const code = ErrorReply.safeParse(json).data?.error.code ?? `http-${response.status}`;
    if (code === 'terminal-revoked') return { kind: 'revoked' };
    return { kind: 'refused', status: response.status, code };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { kind: 'unreachable', reason: 'unexpected reply from the hub' };
  return { kind: 'ok', body: parsed.data, etag: response.headers.get('etag') ?? undefined };
}
