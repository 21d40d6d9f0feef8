import {
  AccessDecision,
  OfflineDecisionsResponse,
  type AccessDecisionRequest,
  type OfflineDecisionsRequest,
} from '@sidbox/protocol';
import type { z } from 'zod';
import type { HubAnswer, HubLink } from './ports.js';

export interface HubClientOptions {
  url: string;
  token: string;
  /** Each request gets this long; past it the hub counts as unreachable. */
  timeoutMs: number;
}

/** The hub's access point API over fetch, with the point's bearer token and a deadline. */
export class HubClient implements HubLink {
  constructor(private readonly options: HubClientOptions) {}

  decide(request: AccessDecisionRequest): Promise<HubAnswer<AccessDecision>> {
    return this.#call('POST', '/api/access/decisions', request, async (response) =>
      parseAs(AccessDecision, await response.json()),
    );
  }

  allowlist(): Promise<HubAnswer<string>> {
    return this.#call('GET', '/api/access/allowlist', undefined, (response) => response.text());
  }

  sendOffline(request: OfflineDecisionsRequest): Promise<HubAnswer<OfflineDecisionsResponse>> {
    return this.#call('POST', '/api/access/decisions/offline', request, async (response) =>
      parseAs(OfflineDecisionsResponse, await response.json()),
    );
  }

  async #call<T>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    read: (response: Response) => Promise<T>,
  ): Promise<HubAnswer<T>> {
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    try {
      const response = await fetch(new URL(path, this.options.url), {
        method,
        signal,
        headers: {
          authorization: `Bearer ${this.options.token}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      if (response.status >= 500) {
        await response.body?.cancel();
        return { kind: 'unreachable', cause: `HTTP ${response.status}` };
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { kind: 'refused', status: response.status };
      }
      return { kind: 'answer', value: await read(response) };
    } catch (error) {
      return { kind: 'unreachable', cause: describe(error, signal) };
    }
  }
}

function parseAs<S extends z.ZodType>(schema: S, json: unknown): z.output<S> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error('answer not in the expected shape');
  return parsed.data;
}

function describe(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return 'timeout';
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  return cause ?? (error instanceof Error ? error.message : String(error));
}
