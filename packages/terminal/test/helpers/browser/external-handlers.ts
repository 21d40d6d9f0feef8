import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The programs Chromium on Linux hands external URLs (mailto:, tel:, …) to. */
const HANDLERS = ['xdg-open', 'xdg-email', 'gio', 'kde-open', 'gnome-open'];

export interface HandlerSpies {
  /** Handlers that were run, with their arguments (`xdg-email mailto:…`). */
  launched(): Promise<string[]>;
  remove(): Promise<void>;
}

/**
 * Puts stand-ins for the desktop URL handlers first on this process's PATH, which the Chromium
 * launched afterwards inherits: a launch leaves a record instead of opening anything.
 */
export async function installHandlerSpies(): Promise<HandlerSpies> {
  const dir = await mkdtemp(join(tmpdir(), 'sidbox-handlers-'));
  const records = join(dir, 'launched');
  await writeFile(records, '');
  await Promise.all(
    HANDLERS.map(async (name) => {
      const path = join(dir, name);
      await writeFile(path, `#!/bin/sh\necho "${name} $*" >> '${records}'\n`);
      await chmod(path, 0o755);
    }),
  );
  const previousPath = process.env.PATH;
  process.env.PATH = `${dir}:${previousPath ?? ''}`;
  return {
    launched: async () => (await readFile(records, 'utf8')).split('\n').filter(Boolean),
    remove: async () => {
      process.env.PATH = previousPath;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
