/**
 * Where a service's pages are: the path of its start page on its origin, or the whole origin
 * (`path` null: a start page at "/", and every other origin the service may reach).
 */
export interface ServiceScope {
  id: string;
  origin: string;
  path: string | null;
}

/** The path a service's start page claims on its origin; "/" claims the whole origin. */
export function startPath(startUrl: string): string | null {
  const { pathname } = new URL(startUrl);
  return pathname === '/' ? null : pathname;
}

function holds(path: string, pathname: string): boolean {
  return pathname === path || pathname.startsWith(path.endsWith('/') ? path : `${path}/`);
}

/**
 * The scope a page on one origin belongs to, from that origin's scopes in configuration order:
 * the one whose start path holds the page (the longest such), else the first. Several services
 * may share an origin: a member's eID apps all live on the association's eID-Server, and each
 * has its own print and download rights.
 */
export function scopeAt<S extends { path: string | null }>(
  scopes: readonly S[],
  pathname: string,
): S | undefined {
  let best: S | undefined;
  for (const scope of scopes) {
    const { path } = scope;
    if (path !== null && holds(path, pathname) && path.length > (best?.path?.length ?? -1))
      best = scope;
  }
  return best ?? scopes[0];
}
