import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { createOwnedDir, removeStaleOwnedDirs } from '@sidbox/runtime';
import type { ChromiumPolicy } from './lockdown.js';

/** Debian's Chromium binary; `/usr/bin/chromium` is a wrapper that adds its own flags. */
export const DEFAULT_CHROMIUM = existsSync('/usr/lib/chromium/chromium')
  ? '/usr/lib/chromium/chromium'
  : '/usr/bin/chromium';

/** Absolute: puppeteer checks that the executable exists. */
const UNSHARE = existsSync('/usr/bin/unshare') ? '/usr/bin/unshare' : 'unshare';

/** `unshare` arguments that run a shell script in a private mount namespace. */
function inPrivateMountNamespace(script: string, ...scriptArgs: string[]): string[] {
  return ['--mount', '--propagation', 'private', 'sh', '-c', script, ...scriptArgs];
}

/** The only directory Debian's Chromium reads managed policies from. */
const POLICY_DIR = '/etc/chromium/policies';
/**
 * Its `managed` subdirectory. On the stick it belongs to the kiosk user alone (image/live-build:
 * the chroot hook makes it, the kiosk unit's ReadWritePaths opens it), so the unprivileged daemon
 * can write its policy there; it lives on the RAM overlay of /etc.
 */
export const SYSTEM_MANAGED_POLICY_DIR = `${POLICY_DIR}/managed`;

/**
 * Every browser gets its own directory on tmpfs: profile, policy and downloads. Removing it is
 * the wipe, so it must never hold anything that outlives the session.
 */
export interface InstanceDirs {
  root: string;
  profile: string;
  policies: string;
  downloads: string;
  /**
   * Chromium's TMPDIR: it makes a directory there for its singleton socket per launch, which a
   * killed browser leaves behind — in /tmp that was one more directory per citizen.
   */
  tmp: string;
}

const instancePrefix = 'sidbox-browser-';

function instanceBase(): string {
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

/** Profiles left by a daemon that was killed before it could wipe them. */
export async function removeStaleInstanceDirs(): Promise<string[]> {
  return removeStaleOwnedDirs(instanceBase(), instancePrefix);
}

export async function createInstanceDirs(): Promise<InstanceDirs> {
  const root = await createOwnedDir(instanceBase(), instancePrefix);
  const dirs = {
    root,
    profile: join(root, 'profile'),
    policies: join(root, 'policies'),
    downloads: join(root, 'downloads'),
    tmp: join(root, 'tmp'),
  };
  await Promise.all([
    mkdir(dirs.profile),
    mkdir(join(dirs.policies, 'managed'), { recursive: true }),
    mkdir(dirs.downloads),
    mkdir(dirs.tmp),
  ]);
  return dirs;
}

export async function removeInstanceDirs(dirs: InstanceDirs): Promise<void> {
  await rm(dirs.root, { recursive: true, force: true, maxRetries: 3 });
}

let namespaceSupport: boolean | undefined;

/**
 * Whether we may give Chromium a private mount namespace (root, or CAP_SYS_ADMIN). Probed once:
 * create the mount point, then bind-mount an empty directory over it in a throwaway namespace.
 */
export function canMountPrivatePolicy(): boolean {
  if (namespaceSupport === undefined) {
    const probe = spawnSync(
      UNSHARE,
      inPrivateMountNamespace(`mkdir -p ${POLICY_DIR} && mount --bind /tmp ${POLICY_DIR}`),
      { stdio: 'ignore', timeout: 5000 },
    );
    namespaceSupport = probe.status === 0;
  }
  return namespaceSupport;
}

/**
 * Where Chromium's managed policy comes from: a per-instance directory bound over the policy
 * directory in a private mount namespace (preferred: parallel browsers each see their own), else
 * the system's managed directory where this process may write it (the stick's kiosk user), else
 * nowhere (a developer's machine without root: only the CDP wall holds).
 */
export type PolicyPlacement = 'private-mount' | 'system-dir' | 'none';

export function choosePolicyPlacement(options: {
  enforcePolicy: boolean;
  canMountPrivate: () => boolean;
  systemDirWritable: () => boolean;
}): PolicyPlacement {
  if (!options.enforcePolicy) return 'none';
  if (options.canMountPrivate()) return 'private-mount';
  return options.systemDirWritable() ? 'system-dir' : 'none';
}

/**
 * Writes `sidbox.json` into a managed policy directory that running Chromiums watch: not at all
 * when it is already there (the usual case: the next browser gets the same rules), else complete
 * or not at all (a temporary file renamed over it), so no Chromium reads half a file.
 */
export async function placePolicyFile(dir: string, json: string): Promise<void> {
  const file = join(dir, 'sidbox.json');
  if ((await readFile(file, 'utf8').catch(() => null)) === json) return;
  const temporary = join(dir, `.sidbox.json.${process.pid}`);
  await writeFile(temporary, json, { mode: 0o600 });
  await rename(temporary, file);
}

/** Whether `dir` is a directory this process may create files in (a missing one is not). */
export function isWritableDir(dir: string): boolean {
  try {
    if (!statSync(dir).isDirectory()) return false;
    accessSync(dir, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface LaunchRequest {
  chromiumPath: string;
  flags: string[];
  policy: ChromiumPolicy;
  dirs: InstanceDirs;
  /** Try the private policy mount (false in tests that must see Chromium without policy). */
  enforcePolicy: boolean;
}

export interface LaunchedChromium {
  browser: Browser;
  /** The process group leader; killing the group kills Chromium and all its helpers. */
  pid: number;
  /** Whether Chromium reads our managed policy (else only the CDP wall holds). */
  policyEnforced: boolean;
}

/**
 * Starts Chromium with exactly our flags, connected over a pipe (no debugging port, no
 * automation infobar). With a private mount namespace, the per-instance policy directory is
 * bound over /etc/chromium/policies for this Chromium alone, so parallel browsers (and tests)
 * each get their own policy. Without one, the policy goes into the system's managed directory
 * when we may write it: there the newest browser's policy is also the running one's (Chromium
 * reloads changed policy files), which holds the rules as they are now, as the CDP wall does.
 */
export async function launchChromium(request: LaunchRequest): Promise<LaunchedChromium> {
  const { dirs } = request;
  const policy = JSON.stringify(request.policy);
  await writeFile(join(dirs.policies, 'managed', 'sidbox.json'), policy);
  const placement = choosePolicyPlacement({
    enforcePolicy: request.enforcePolicy,
    canMountPrivate: canMountPrivatePolicy,
    systemDirWritable: () => isWritableDir(SYSTEM_MANAGED_POLICY_DIR),
  });
  if (placement === 'system-dir') await placePolicyFile(SYSTEM_MANAGED_POLICY_DIR, policy);
  const policyEnforced = placement !== 'none';
  const [executablePath, args] =
    placement === 'private-mount'
      ? [
          UNSHARE,
          inPrivateMountNamespace(
            `mount --bind "$1" ${POLICY_DIR} && shift && exec "$@"`,
            'sh',
            dirs.policies,
            request.chromiumPath,
            ...request.flags,
          ),
        ]
      : [request.chromiumPath, request.flags];
  const browser = await puppeteer.launch({
    executablePath,
    args,
    pipe: true,
    env: { ...process.env, TMPDIR: dirs.tmp },
    ignoreDefaultArgs: true,
    waitForInitialPage: false,
    defaultViewport: null,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const pid = browser.process()?.pid;
  if (pid === undefined) throw new Error('Chromium started without a process id');
  return { browser, pid, policyEnforced };
}

/** Kills the whole process tree (puppeteer starts Chromium as a process group leader). */
export function killProcessGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
