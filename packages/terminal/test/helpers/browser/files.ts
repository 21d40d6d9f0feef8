import { watch } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Files under `dir` (recursively) whose bytes contain `needle`, as paths relative to `dir`. */
export async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const bytes = Buffer.from(needle);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const hits: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const content = await readFile(path).catch(() => null);
    if (content?.includes(bytes)) hits.push(path.slice(dir.length + 1));
  }
  return hits;
}

/** Resolves with the first file in `dir` whose whole content is `content` (watching, no polling). */
export function fileWithContent(dir: string, content: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const watcher = watch(dir);
    const check = async () => {
      for (const name of await readdir(dir)) {
        const data = await readFile(join(dir, name), 'utf8').catch(() => null);
        if (data === content) {
          watcher.close();
          resolve(name);
          return;
        }
      }
    };
    watcher.on('change', () => void check().catch(reject));
    watcher.on('error', reject);
    void check().catch(reject);
  });
}
