import type { FastifyInstance } from 'fastify';
import { icon, stylesheet } from './style.js';

/** The citizen pages' stylesheet and icon: one copy for the self-check and the members' apps. */
export const assetPaths = {
  stylesheet: '/pages/style.css',
  icon: '/pages/icon.svg',
} as const;

export function registerPageAssets(app: FastifyInstance): void {
  for (const [path, type, content] of [
    [assetPaths.stylesheet, 'text/css; charset=utf-8', stylesheet],
    [assetPaths.icon, 'image/svg+xml', icon],
  ] as const) {
    app.get(path, async (_request, reply) =>
      reply
        .type(type)
        .header('cache-control', 'no-cache')
        .header('x-content-type-options', 'nosniff')
        .send(content),
    );
  }
}
