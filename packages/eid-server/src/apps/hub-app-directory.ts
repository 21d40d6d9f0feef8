import {
  AccessRegistrationResponse,
  EidServerAppsResponse,
  type AccessRegistrationRequest,
  type EidApp,
} from '@sidbox/protocol';
import type { LoadedHub } from '../config/load.js';
import { sendToHub } from '../hub/hub-request.js';
import {
  CachedAppDirectory,
  type AppDirectory,
  type RegistrationOutcome,
} from './app-directory.js';
import { AppsError } from './apps-error.js';

/**
 * The hub's two endpoints for the eID-Server (docs/member-apps.md), with its key as Bearer:
 * GET /api/eid-server/apps and POST /api/eid-server/access-registrations.
 */
export class HubAppDirectory implements AppDirectory {
  constructor(private readonly hub: LoadedHub) {}

  async apps(): Promise<readonly EidApp[]> {
    const response = await this.#send('/api/eid-server/apps', { method: 'GET' });
    if (!response.ok) throw invalidAnswer(`the hub answered ${response.status} for the apps`);
    const parsed = EidServerAppsResponse.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw invalidAnswer('the hub sent apps that do not fit the contract');
    return parsed.data.apps;
  }

  async register(request: AccessRegistrationRequest): Promise<RegistrationOutcome> {
    const response = await this.#send('/api/eid-server/access-registrations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) {
      const parsed = AccessRegistrationResponse.safeParse(body);
      if (!parsed.success) throw invalidAnswer('the hub sent a registration that does not fit');
      return { kind: 'registered', label: parsed.data.label };
    }
    return refusal(response.status, body);
  }

  #send(path: string, init: RequestInit): Promise<Response> {
    return sendToHub(
      this.hub,
      path,
      init,
      (cause) => new AppsError('hub-unreachable', `the hub did not answer ${path}`, { cause }),
    );
  }
}

/** The configured hub, its apps cached for `refreshSeconds`. */
export function defaultAppDirectory(hub: LoadedHub): AppDirectory {
  return new CachedAppDirectory(new HubAppDirectory(hub), hub.refreshSeconds * 1000);
}

const invalidAnswer = (message: string) => new AppsError('hub-answer-invalid', message);

/** The hub's error codes for a refused registration (packages/hub/src/errors.ts). */
const refusals: Record<string, RegistrationOutcome> = {
  'registration-code-unknown': { kind: 'code-unknown' },
  'registration-code-used': { kind: 'code-used' },
  'registration-code-expired': { kind: 'code-expired' },
  // The app is no active door app (any more): archived since its page was shown.
  'not-found': { kind: 'app-unavailable' },
};

/** A refused registration by the hub's error code; anything else is no answer about the code. */
function refusal(status: number, body: unknown): RegistrationOutcome {
  const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
  const outcome = typeof code === 'string' ? refusals[code] : undefined;
  if (outcome === undefined) throw invalidAnswer(`the hub answered ${status} for a registration`);
  return outcome;
}
