import { classifyEidClientRequest, type EidClientRequest } from './eid-client.js';
import type { BlockReason, NavigationRules } from './kiosk-browser.js';
import { canonicalOrigin, parseUrl } from './origins.js';
import { scopeAt, startPath, type ServiceScope } from './service-scope.js';

/** Where a request comes from; top-level views and popups are judged more strictly. */
export type RequestContext = 'top-level' | 'popup' | 'frame' | 'subresource';

export type AllowedTarget = { kind: 'kiosk' } | { kind: 'service'; serviceId: string };

export type NavigationDecision =
  | { action: 'allow'; target: AllowedTarget }
  /** Embedded content that needs no network and carries no origin of its own (about:blank, data: images). */
  | { action: 'allow-local' }
  | { action: 'eid-client'; request: EidClientRequest }
  | { action: 'block'; reason: BlockReason };

/** Browser-internal and local schemes: never shown to a citizen. */
export const INTERNAL_SCHEMES = new Set([
  'file:',
  'chrome:',
  'chrome-extension:',
  'chrome-untrusted:',
  'chrome-search:',
  'chrome-error:',
  'view-source:',
  'devtools:',
  'filesystem:',
  'about:',
  'javascript:',
  'data:',
  'blob:',
]);

const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

/** Origins after canonicalisation, looked up by exact string; each with its services' scopes. */
export interface OriginIndex {
  kiosk: Set<string>;
  services: Map<string, ServiceScope[]>;
}

/** Every place a service's pages may be, in configuration order (see `scopeAt`). */
export function serviceScopes(rules: NavigationRules): ServiceScope[] {
  return rules.services.flatMap((service) => {
    const start = new URL(service.startUrl).origin;
    return [
      { id: service.id, origin: start, path: startPath(service.startUrl) },
      ...service.origins
        .filter((origin) => origin !== start)
        .map((origin) => ({ id: service.id, origin, path: null })),
    ];
  });
}

/** Canonicalises every configured origin once; throws on a bad one (a config error). */
export function indexOrigins(rules: NavigationRules): OriginIndex {
  const services = new Map<string, ServiceScope[]>();
  for (const scope of serviceScopes(rules)) {
    const canonical = canonicalOrigin(scope.origin);
    services.set(canonical, [...(services.get(canonical) ?? []), { ...scope, origin: canonical }]);
  }
  return { kiosk: new Set(rules.kioskOrigins.map(canonicalOrigin)), services };
}

/**
 * The one decision for every URL the kiosk browser is asked to load. Pure: the CDP wall,
 * the page guard and the policy builder all follow it, and its tests cover the tricks
 * (userinfo, IDN, trailing dots, ports, upper case, internal and external schemes).
 */
export function decideNavigation(
  rawUrl: string,
  context: RequestContext,
  rules: NavigationRules | OriginIndex,
): NavigationDecision {
  const index = 'kiosk' in rules ? rules : indexOrigins(rules);
  const url = parseUrl(rawUrl);
  if (!url) return { action: 'block', reason: 'scheme-not-allowed' };

  const eid = classifyEidClientRequest(url.href);
  if (eid) return { action: 'eid-client', request: eid };

  if (NETWORK_SCHEMES.has(url.protocol)) return decideNetwork(url, context, index);
  if (INTERNAL_SCHEMES.has(url.protocol)) return decideLocal(url, context);
  return { action: 'block', reason: 'external-protocol' };
}

function decideNetwork(url: URL, context: RequestContext, index: OriginIndex): NavigationDecision {
  const notAllowed: NavigationDecision = {
    action: 'block',
    reason: context === 'popup' ? 'popup' : 'origin-not-allowed',
  };
  // https://allowed@evil is host "evil"; https://user@allowed is a phishing pattern: refuse both.
  if (url.username || url.password) return notAllowed;
  // A WebSocket to a service host counts as that service's http(s) origin.
  const httpOrigin = url.protocol.startsWith('ws')
    ? new URL(url.href.replace(/^ws/, 'http')).origin
    : url.origin;
  if (index.kiosk.has(httpOrigin)) return { action: 'allow', target: { kind: 'kiosk' } };
  const scope = scopeAt(index.services.get(httpOrigin) ?? [], url.pathname);
  if (scope !== undefined) {
    return { action: 'allow', target: { kind: 'service', serviceId: scope.id } };
  }
  return notAllowed;
}

function decideLocal(url: URL, context: RequestContext): NavigationDecision {
  const embedded = context === 'frame' || context === 'subresource';
  if (embedded && (url.href === 'about:blank' || url.href === 'about:srcdoc')) {
    return { action: 'allow-local' };
  }
  // Images, fonts and workers from data:/blob: need no network and stay in the page's origin.
  if (context === 'subresource' && (url.protocol === 'data:' || url.protocol === 'blob:')) {
    return { action: 'allow-local' };
  }
  return { action: 'block', reason: context === 'popup' ? 'popup' : 'scheme-not-allowed' };
}

/** The service whose rules apply to a page, or null for kiosk pages and anything else. */
export function serviceOf(rawUrl: string, rules: NavigationRules): string | null {
  const decision = decideNavigation(rawUrl, 'top-level', rules);
  return decision.action === 'allow' && decision.target.kind === 'service'
    ? decision.target.serviceId
    : null;
}
