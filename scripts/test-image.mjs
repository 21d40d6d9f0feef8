// `npm run test:image`: installs the host tools the image build and boot test need (Debian
// packages, idempotently), builds SIDbox, then runs image/src/test-image.ts. Needs root: live-build
// uses chroot and mounts, the test creates a tap device. Not part of `npm test` (it takes long).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Host tools: live-build with the binary-stage tools it takes from the host, QEMU, the scan. */
const hostPackages = [
  'live-build',
  'debootstrap',
  'dctrl-tools',
  'squashfs-tools',
  'xorriso',
  'mtools',
  'dosfstools',
  'syslinux',
  'syslinux-common',
  'syslinux-utils',
  'isolinux',
  'grub-pc-bin',
  'grub-efi-amd64-bin',
  'grub-efi-ia32-bin',
  'grub-common',
  'cryptsetup',
  'cryptsetup-bin',
  'librsvg2-bin',
  'zsync',
  'qemu-system-x86',
  'ovmf',
  'e2fsprogs',
  'iproute2',
  'dnsmasq-base',
  'nmap',
];

if (process.getuid?.() !== 0) {
  console.error(
    'test:image: run as root (live-build needs chroot and mounts; the test a tap device)',
  );
  process.exit(1);
}

function installed(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

const missing = hostPackages.filter((pkg) => !installed(pkg));
if (missing.length > 0) {
  console.log(`test:image: installing ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env,
  });
}

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}
execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
const test = spawnSync('node', ['--import', 'tsx', 'image/src/test-image.ts'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(test.status ?? 1);
