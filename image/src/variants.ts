// The live images we build with live-build. `sidbox` is the stick; `plain` is the same Debian
// live system without SIDbox, built the same way, as the benchmark's baseline.

/** Kernel parameters of both variants. The root hash placeholder is filled in by a binary hook. */
const sharedBootParameters = [
  'boot=live',
  // Only a removable USB device can be the live medium: live-boot never probes the PC's disks.
  'live-media=removable-usb',
  'nopersistence',
  'console=tty0',
  'console=ttyS0,115200n8',
  'dm-verity-root-hash=filesystem.squashfs:@SIDBOX_ROOTHASH@',
  'dm-verity-oncorruption=panic',
  'panic=10',
];

/** Kernel hardening of the stick (see docs/stick.md for each). */
const lockdownBootParameters = [
  'quiet',
  'loglevel=3',
  'init_on_alloc=1',
  'init_on_free=1',
  'page_alloc.shuffle=1',
  'slab_nomerge',
  'randomize_kstack_offset=on',
  'vsyscall=none',
  'debugfs=off',
  'lockdown=confidentiality',
  'module.sig_enforce=1',
  'sysctl.kernel.sysrq=0',
  'systemd.gpt_auto=0',
  'systemd.show_status=false',
];

export interface Variant {
  name: 'sidbox' | 'plain';
  /** Files under image/live-build/package-lists. */
  packageLists: string[];
  /** Chroot hooks, includes and the final lockdown apply. */
  sidbox: boolean;
  bootParameters: string[];
}

export const variants: Record<Variant['name'], Variant> = {
  sidbox: {
    name: 'sidbox',
    packageLists: ['live.list.chroot', 'sidbox.list.chroot'],
    sidbox: true,
    bootParameters: [...sharedBootParameters, ...lockdownBootParameters],
  },
  plain: {
    name: 'plain',
    packageLists: ['live.list.chroot'],
    sidbox: false,
    bootParameters: sharedBootParameters,
  },
};

/** `lb config` for Debian 13, a hybrid ISO for BIOS and UEFI, tools from the host. */
export function liveBuildConfigArgs(variant: Variant): string[] {
  const mirror = 'http://deb.debian.org/debian';
  const security = 'http://deb.debian.org/debian-security';
  return [
    '--distribution',
    'trixie',
    '--archive-areas',
    'main',
    '--debian-installer',
    'none',
    '--binary-images',
    'iso-hybrid',
    '--bootloaders',
    'grub-efi syslinux',
    '--debootstrap-options',
    '--variant=minbase',
    '--mirror-bootstrap',
    mirror,
    '--mirror-chroot',
    mirror,
    '--mirror-binary',
    mirror,
    '--mirror-chroot-security',
    security,
    '--mirror-binary-security',
    security,
    '--apt-recommends',
    'false',
    '--firmware-binary',
    'false',
    '--firmware-chroot',
    'false',
    '--memtest',
    'none',
    '--updates',
    'false',
    '--dm-verity',
    // The lockdown removes dpkg and apt from the chroot, so the binary stage uses the host's tools.
    '--build-with-chroot',
    'false',
    '--chroot-squashfs-compression-type',
    'zstd',
    '--cache-packages',
    'true',
    '--zsync',
    'false',
    '--iso-volume',
    variant.name === 'sidbox' ? 'SIDBOX' : 'DEBIAN-LIVE',
    '--bootappend-live',
    variant.bootParameters.join(' '),
    '--bootappend-live-failsafe',
    'none',
  ];
}
