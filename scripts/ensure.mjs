// Installs what a target needs, idempotently: Debian packages via apt-get, npm packages via npm ci.
// Runs before node_modules exists, so it uses Node built-ins only.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Debian packages each target needs; the binaries are what `sidbox doctor` checks. */
const debianPackages = {
  base: ['ausweisapp2', 'pcscd', 'chromium', 'fonts-liberation'],
  // Real components the device adapter tests start: vpcd reader, CUPS + PDF printer, SANE.
  devices: [
    'vsmartcard-vpcd',
    'cups',
    'cups-client',
    'printer-driver-cups-pdf',
    'poppler-utils',
    'sane-utils',
    'libsane1',
    'img2pdf',
    // Scan previews: Pillow on Debian's python3 (img2pdf pulls it in too; named, as we use it).
    'python3-pil',
    // `ip netns`: the local-network-access tests give a service a public address of its own.
    'iproute2',
    // sfdisk: an independent reader of the stick image's partition table.
    'fdisk',
    // The access point: libgpiod's gpioset for a relay.
    'gpiod',
  ],
  // The access point's MQTT actuator: a real broker in its tests and the access bench.
  broker: ['mosquitto'],
  // The kiosk's read-aloud button: a local synthesizer and ALSA's player, no cloud service.
  speech: ['espeak-ng', 'alsa-utils'],
  // systemd-notify: the daemon's sd_notify (READY, WATCHDOG) under the kiosk unit.
  service: ['systemd'],
  // The hub's second backend (scripts/ensure-postgres.mjs makes the cluster ready), and HAProxy
  // in front of several hub instances on it (packages/hub/test/multi-instance.real.test.ts).
  database: ['postgresql', 'haproxy'],
  // Called by the tests themselves: pgrep (the teardown's AusweisApp check, which passes silently
  // without it), openssl (test certificates); today other packages happen to pull both in.
  tools: ['procps', 'openssl'],
};
const targets = {
  demo: ['base', 'speech'],
  test: ['base', 'devices', 'broker', 'speech', 'service', 'database', 'tools'],
  bench: ['base', 'broker'],
};

const target = process.argv[2] ?? 'test';
if (!(target in targets)) {
  console.error(`ensure: unknown target "${target}" (one of: ${Object.keys(targets).join(', ')})`);
  process.exit(2);
}

function installed(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Runs a command with inherited output; rejects with the command line when it fails. */
function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`"${[command, ...args].join(' ')}" failed`)),
    );
  });
}

async function ensureDebian() {
  const wanted = targets[target].flatMap((group) => debianPackages[group]);
  const missing = wanted.filter((pkg) => !installed(pkg));
  if (missing.length === 0) return;
  const command = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `missing Debian packages: ${missing.join(', ')}\n  fix: sudo apt-get update && sudo ${command}`,
    );
  }
  console.log(`ensure: installing Debian packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-qq'], { env });
  await run('sh', ['-c', command], { env });
}

async function ensureNpm() {
  const lock = join(root, 'package-lock.json');
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && existsSync(lock) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs)
    return;
  console.log('ensure: installing npm packages');
  await run('npm', [existsSync(lock) ? 'ci' : 'install', '--no-audit', '--no-fund'], { cwd: root });
}

// Side by side: apt and npm fetch from different places, and npm ci compiles better-sqlite3
// (no prebuilt binary is reachable), so on a fresh machine each would otherwise wait minutes.
const results = await Promise.allSettled([ensureDebian(), ensureNpm()]);
const failures = results.filter((result) => result.status === 'rejected');
for (const failure of failures) console.error(`ensure: ${failure.reason.message}`);
if (failures.length > 0) process.exit(1);
