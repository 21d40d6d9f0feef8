import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo, startHub } from '@sidbox/hub';
import type { TerminalCredential } from '@sidbox/protocol';
import { writeNewKekFile } from './kek-flags.js';

export interface DemoHubOptions {
  /** SQLite directory; default: a fresh temporary one, removed on close. */
  dataDir?: string;
  /** Default 0 (a free port). */
  port?: number;
  host?: string;
  /** The self-check pages of the demo's eID-Server, for the catalogue. */
  selfCheckUrl?: string;
  /** The demo's eID-Server, where the city's own eID apps run. */
  eidServer?: { origin: string; apiKey: string };
}

export interface DemoHub {
  adminUrl: string;
  login: { email: string; password: string };
  /** Credential of the demo's training terminal, for the terminal daemon to connect with. */
  trainingTerminalCredential: TerminalCredential;
  url: string;
  /** The members' organisation ids: each gets a service of its own at the eID-Server. */
  members: { city: string; dealer: string };
  close(): Promise<void>;
}

/**
 * The hub with demo data on SQLite: the association, two members, three terminals, the seed's
 * survey (93 interviews) and 625 PIN activations; with an eID-Server, the city's own eID apps.
 * `dataDir` must be empty or new.
 */
export async function startDemoHub(options: DemoHubOptions = {}): Promise<DemoHub> {
  const temporary = options.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'sidbox-demo-hub-'));
  const dataDir = options.dataDir ?? (temporary as string);
  // The demo seals its signing keys as production does; its KEK lies beside the database only
  // because the demo throws both away.
  mkdirSync(dataDir, { recursive: true });
  const kekFile = join(dataDir, 'demo.kek');
  writeNewKekFile(kekFile);
  const hub = await startHub({
    port: options.port ?? 0,
    ...(options.host && { host: options.host }),
    dataDir,
    logger: false,
    keyEncryptionKey: readFileSync(kekFile, 'utf8').trim(),
    ...(options.eidServer && { eidServer: options.eidServer }),
  });
  try {
    const { login, trainingCredential, members } = await seedDemo({
      dataDir,
      hubUrl: hub.url,
      ...(options.selfCheckUrl && { selfCheckUrl: options.selfCheckUrl }),
      eidApps: options.eidServer !== undefined,
    });
    return {
      adminUrl: `${hub.url}/`,
      url: hub.url,
      login,
      trainingTerminalCredential: trainingCredential,
      members,
      async close() {
        await hub.close();
        if (temporary) rmSync(temporary, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await hub.close();
    if (temporary) rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}
