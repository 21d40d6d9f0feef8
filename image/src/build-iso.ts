// Builds a live ISO with live-build, or reuses the cached one when no input changed.
// The cache key is a hash of image/live-build, the variant's settings and the staged SIDbox.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import {
  chmod,
  cp,
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { join, relative } from 'node:path';
import { liveBuildConfigArgs, type Variant } from './variants.js';
import { stageApp } from './stage-app.js';

export interface BuiltIso {
  path: string;
  sizeBytes: number;
  inputsHash: string;
  /** Seconds the build took; 0 when the cached ISO was reused. */
  buildSeconds: number;
  reused: boolean;
}

interface IsoMeta {
  inputsHash: string;
  buildSeconds: number;
}

export async function buildIso(options: {
  repoRoot: string;
  cacheDir: string;
  variant: Variant;
  log: (line: string) => void;
}): Promise<BuiltIso> {
  const { repoRoot, cacheDir, variant, log } = options;
  const liveBuildDir = join(repoRoot, 'image', 'live-build');
  const workDir = join(cacheDir, `build-${variant.name}`);
  const { stagedApp, inputsHash } = await stageInputs(repoRoot, cacheDir, variant);
  const isoPath = join(cacheDir, `${variant.name}.iso`);
  const metaPath = `${isoPath}.json`;
  if (existsSync(isoPath) && existsSync(metaPath)) {
    const meta = JSON.parse(await readFile(metaPath, 'utf8')) as IsoMeta;
    // SIDBOX_IMAGE_REUSE=1 keeps the cached ISO although inputs changed (iterating on the test).
    if (meta.inputsHash === inputsHash || process.env.SIDBOX_IMAGE_REUSE === '1') {
      log(`${variant.name}: reusing ${isoPath}`);
      const { size } = await stat(isoPath);
      return { path: isoPath, sizeBytes: size, inputsHash, buildSeconds: 0, reused: true };
    }
  }

  const started = performance.now();
  await mkdir(workDir, { recursive: true });
  const logFile = join(cacheDir, `${variant.name}-build.log`);
  const logStream = createWriteStream(logFile);
  const lb = (args: string[]) => run('lb', args, workDir, logStream, log);
  log(`${variant.name}: building with live-build (log: ${logFile})`);
  // `lb clean` keeps cache/ (downloaded packages, the bootstrap) for the next build.
  await lb(['clean']);
  await rm(join(workDir, 'config'), { recursive: true, force: true });
  await lb(['config', ...liveBuildConfigArgs(variant)]);
  await copyConfig(liveBuildDir, join(workDir, 'config'), variant, stagedApp);
  await lb(['bootstrap']);
  await lb(['chroot']);
  if (variant.sidbox) await lockDown(workDir, liveBuildDir, logStream, log);
  // live-build 20230502 skips binary_chroot without its stage file when the binary stage
  // uses the host's tools, and then binary_rootfs refuses to run: mark it done.
  await writeFile(join(workDir, '.build', 'binary_chroot'), '');
  await lb(['binary']);
  logStream.end();

  const built = join(workDir, 'live-image-amd64.hybrid.iso');
  await rename(built, isoPath);
  const buildSeconds = Math.round((performance.now() - started) / 1000);
  await writeFile(metaPath, `${JSON.stringify({ inputsHash, buildSeconds } satisfies IsoMeta)}\n`);
  const { size } = await stat(isoPath);
  log(`${variant.name}: built ${isoPath} (${mib(size)} MiB) in ${buildSeconds} s`);
  return { path: isoPath, sizeBytes: size, inputsHash, buildSeconds, reused: false };
}

/** Stages the built SIDbox and hashes everything the ISO is made from. */
export async function stageInputs(
  repoRoot: string,
  cacheDir: string,
  variant: Variant,
): Promise<{ stagedApp: string; inputsHash: string }> {
  const stagedApp = join(cacheDir, `staged-app-${variant.name}`);
  await rm(stagedApp, { recursive: true, force: true });
  if (variant.sidbox) await stageApp(repoRoot, stagedApp);
  const liveBuildDir = join(repoRoot, 'image', 'live-build');
  const inputsHash = await hashInputs([liveBuildDir, ...(variant.sidbox ? [stagedApp] : [])], {
    variant,
    lbArgs: liveBuildConfigArgs(variant),
  });
  return { stagedApp, inputsHash };
}

/** Our part of the live-build config tree, next to what `lb config` wrote. */
async function copyConfig(
  source: string,
  config: string,
  variant: Variant,
  stagedApp: string,
): Promise<void> {
  for (const list of variant.packageLists) {
    await cp(join(source, 'package-lists', list), join(config, 'package-lists', list));
  }
  await cp(join(source, 'bootloaders'), join(config, 'bootloaders'), { recursive: true });
  await cp(join(source, 'hooks-binary'), join(config, 'hooks', 'normal'), { recursive: true });
  const includes = join(config, 'includes.chroot');
  await cp(join(source, 'includes.chroot.shared'), includes, { recursive: true });
  if (!variant.sidbox) return;
  await cp(join(source, 'hooks'), join(config, 'hooks', 'normal'), { recursive: true });
  await cp(join(source, 'includes.chroot'), includes, { recursive: true });
  await cp(stagedApp, join(includes, 'opt', 'sidbox'), { recursive: true, verbatimSymlinks: true });
  for (const hook of await readdir(join(config, 'hooks', 'normal'))) {
    if (hook.startsWith('0')) await chmod(join(config, 'hooks', 'normal', hook), 0o755);
  }
}

/** After `lb chroot` (which still needs dpkg and apt) and before `lb binary`. */
async function lockDown(
  workDir: string,
  liveBuildDir: string,
  logStream: NodeJS.WritableStream,
  log: (line: string) => void,
): Promise<void> {
  const script = join(workDir, 'chroot', 'root', 'sidbox-lockdown.sh');
  await cp(join(liveBuildDir, 'chroot-final', 'lockdown.sh'), script);
  await run(
    'chroot',
    [join(workDir, 'chroot'), '/bin/sh', '/root/sidbox-lockdown.sh'],
    workDir,
    logStream,
    log,
  );
  await rm(script);
}

function run(
  command: string,
  args: string[],
  cwd: string,
  logStream: NodeJS.WritableStream,
  log: (line: string) => void,
): Promise<void> {
  log(`  ${command} ${args[0] ?? ''}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(logStream, { end: false });
    child.stderr.pipe(logStream, { end: false });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args[0]} failed (exit ${code})`)),
    );
  });
}

async function hashInputs(dirs: string[], settings: object): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(settings));
  for (const dir of dirs) {
    const files = execFileSync('find', [dir, '-type', 'f,l'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    })
      .split('\n')
      .filter(Boolean)
      .sort();
    for (const file of files) {
      const info = await lstat(file);
      hash.update(`${relative(dir, file)}\0${info.mode & 0o111}\0`);
      hash.update(info.isSymbolicLink() ? await readlink(file) : await readFile(file));
    }
  }
  return hash.digest('hex');
}

export function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
