import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { createOwnedDir, removeStaleOwnedDirs } from '@sidbox/eid';
import type { ChromiumPolicy } from './lockdown.js';

/** Debian's Chromium binary; `/usr/bin/chromium` is a wrapper that adds its own flags. */
export const DEFAULT_CHROMIUM = existsSync('/usr/lib/chromium/chromium')
  ? '/usr/lib/chromium/chromium'
  : '/usr/bin/chromium';

/** Absolute: puppeteer checks that the executable exists. */
const UNSHARE = existsSync('/usr/bin/unshare') ? '/usr/bin/unshare' : 'unshare';

/** The only directory Debian's Chromium reads managed policies from. */
const POLICY_DIR = '/etc/chromium/policies';

/**
 * Every browser gets its own directory on tmpfs: profile, policy and downloads. Removing it is
 * the wipe, so it must never hold anything that outlives the session.
 */
export interface InstanceDirs {
  root: string;
  profile: string;
  policies: string;
  downloads: string;
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
  };
  await Promise.all([
    mkdir(dirs.profile),
    mkdir(join(dirs.policies, 'managed'), { recursive: true }),
    mkdir(dirs.downloads),
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
      [
        '--mount',
        '--propagation',
        'private',
        'sh',
        '-c',
        `mkdir -p ${POLICY_DIR} && mount --bind /tmp ${POLICY_DIR}`,
      ],
      { stdio: 'ignore', timeout: 5000 },
    );
    namespaceSupport = probe.status === 0;
  }
  return namespaceSupport;
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
 * each get their own policy.
 */
export async function launchChromium(request: LaunchRequest): Promise<LaunchedChromium> {
  const { dirs, policy } = request;
  await writeFile(join(dirs.policies, 'managed', 'sidbox.json'), JSON.stringify(policy));
  const policyEnforced = request.enforcePolicy && canMountPrivatePolicy();
  const [executablePath, args] = policyEnforced
    ? [
        UNSHARE,
        [
          '--mount',
          '--propagation',
          'private',
          'sh',
          '-c',
          `mount --bind "$1" ${POLICY_DIR} && shift && exec "$@"`,
          'sh',
          dirs.policies,
          request.chromiumPath,
          ...request.flags,
        ],
      ]
    : [request.chromiumPath, request.flags];
  const browser = await puppeteer.launch({
    executablePath,
    args,
    pipe: true,
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
