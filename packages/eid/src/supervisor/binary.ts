import { execFile } from 'node:child_process';
import { access, constants, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** An installed AusweisApp: `AusweisApp2` 1.26.x (Debian 12) or `AusweisApp` 2.x (Debian 13). */
export interface AusweisAppBinary {
  /** Application name; also names the port file and the settings file. */
  name: 'AusweisApp2' | 'AusweisApp';
  path: string;
  /** As reported by `--version`, e.g. "1.26.2"; null if it could not be read. */
  version: string | null;
}

/** Newest first: a machine with both should use 2.x. */
const binaryNames = ['AusweisApp', 'AusweisApp2'] as const;

export interface FindOptions {
  /** An explicit binary; PATH is not searched then. */
  path?: string;
  /** Defaults to $PATH. */
  searchPath?: string;
}

/** Finds AusweisApp and asks it for its version. Null if there is none. */
export async function findAusweisApp(options: FindOptions = {}): Promise<AusweisAppBinary | null> {
  const candidates = options.path
    ? [options.path]
    : searchPath(binaryNames, options.searchPath ?? process.env.PATH ?? '');
  for (const path of candidates) {
    if (!(await isExecutable(path))) continue;
    const reported = await reportedVersion(path);
    return {
      name: reported?.name ?? nameFromPath(path),
      path,
      version: reported?.version ?? null,
    };
  }
  return null;
}

export async function findExecutable(name: string): Promise<string | null> {
  for (const path of searchPath([name], process.env.PATH ?? '')) {
    if (await isExecutable(path)) return path;
  }
  return null;
}

function searchPath(names: readonly string[], pathList: string): string[] {
  const dirs = pathList.split(delimiter).filter(Boolean);
  return names.flatMap((name) => dirs.map((dir) => join(dir, name)));
}

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/** `--version` prints e.g. "AusweisApp2 1.26.2". It needs no display, but writes to TMPDIR. */
async function reportedVersion(
  path: string,
): Promise<{ name: AusweisAppBinary['name']; version: string } | null> {
  const scratch = await mkdtemp(join(tmpdir(), 'sidbox-ausweisapp-version-'));
  try {
    const { stdout } = await run(path, ['--version'], {
      timeout: 10_000,
      env: { PATH: process.env.PATH, QT_QPA_PLATFORM: 'offscreen', HOME: scratch, TMPDIR: scratch },
    });
    const match = /^(AusweisApp2?)\s+(\d+\.\d+\.\d+\S*)/m.exec(stdout);
    return match ? { name: match[1] as AusweisAppBinary['name'], version: match[2] ?? '' } : null;
  } catch {
    return null;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Without a version line, the file name decides; a renamed file is taken for 1.26. */
function nameFromPath(path: string): AusweisAppBinary['name'] {
  return basename(path) === 'AusweisApp' ? 'AusweisApp' : 'AusweisApp2';
}
