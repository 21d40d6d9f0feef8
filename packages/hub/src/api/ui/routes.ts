import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { HubApp } from '../http.js';

/** The built admin UI of @sidbox/hub-ui, if it was built (`npm run build`). */
export function defaultUiDir(): string | undefined {
  try {
    const packageJson = createRequire(import.meta.url).resolve('@sidbox/hub-ui/package.json');
    const dist = join(dirname(packageJson), 'dist');
    return existsSync(join(dist, 'index.html')) ? dist : undefined;
  } catch {
    return undefined;
  }
}

/** Same-origin only: the UI loads nothing from elsewhere and cannot be framed. */
const contentSecurityPolicy =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * Serves the admin UI at `/` (static files; the API stays under /api). Without a built UI, `/`
 * says how to build it.
 */
export async function registerUiRoutes(app: HubApp, uiDir: string | undefined): Promise<void> {
  if (!uiDir) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The admin UI is not built. Run: npm run build -w @sidbox/hub-ui\n'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: uiDir,
    wildcard: false,
    index: ['index.html'],
    setHeaders: (reply, path) => {
      reply.header('content-security-policy', contentSecurityPolicy);
      reply.header('x-content-type-options', 'nosniff');
      reply.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
}
