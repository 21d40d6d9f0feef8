// Installs what a target needs, idempotently: Debian packages via apt-get, npm packages via npm ci.
// Runs before node_modules exists, so it uses Node built-ins only.
import { execFileSync, spawnSync } from 'node:child_process';
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
};
const targets = {
  demo: ['base', 'speech'],
  test: ['base', 'devices', 'broker', 'speech', 'service'],
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

function ensureDebian() {
  const wanted = targets[target].flatMap((group) => debianPackages[group]);
  const missing = wanted.filter((pkg) => !installed(pkg));
  if (missing.length === 0) return;
  const command = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(
      `ensure: missing Debian packages: ${missing.join(', ')}\n  fix: sudo apt-get update && sudo ${command}`,
    );
    process.exit(1);
  }
  console.log(`ensure: installing Debian packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('sh', ['-c', command], { stdio: 'inherit', env });
}

function ensureNpm() {
  const lock = join(root, 'package-lock.json');
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && existsSync(lock) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs)
    return;
  console.log('ensure: installing npm packages');
  execFileSync('npm', [existsSync(lock) ? 'ci' : 'install', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
  });
}

ensureDebian();
ensureNpm();
