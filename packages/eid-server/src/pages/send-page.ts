import type { FastifyReply } from 'fastify';

export interface RenderedPage {
  status: number;
  html: string;
}

const basePolicy =
  "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Uncached, no referrer, no script: a page may only load this server's stylesheet and icon.
 * A page with a form may post it to this server (`form-action 'self'`), others to nowhere.
 */
export function pageHeaders(forms: 'none' | 'self' = 'none'): Record<string, string> {
  return {
    'cache-control': 'no-store',
    'content-security-policy': `${basePolicy}; form-action '${forms}'`,
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  };
}

export function sendPage(reply: FastifyReply, page: RenderedPage, forms: 'none' | 'self' = 'none') {
  return reply
    .status(page.status)
    .headers(pageHeaders(forms))
    .type('text/html; charset=utf-8')
    .send(page.html);
}
