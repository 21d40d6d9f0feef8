import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * A file of the built kiosk UI; paths without an extension are screens of the single-page
 * app and get index.html. Never leaves `root`.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const relative = extname(urlPath) ? urlPath : '/index.html';
  const file = normalize(join(root, decodeURIComponent(relative)));
  if (!file.startsWith(root + sep)) return null;
  try {
    const body = await readFile(file);
    return { body, contentType: contentTypes[extname(file)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
