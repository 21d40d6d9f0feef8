// The test variant: the production ISO, byte-identical root file system included, plus one
// extra squashfs layer (live/zz-sidbox-check.squashfs) that live-boot stacks on top. It adds
// only the check service, so the system under test is the production system plus a reporter;
// the production image never carries it.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';

export async function makeCheckIso(options: {
  productionIso: string;
  checkSources: string;
  workDir: string;
  out: string;
}): Promise<void> {
  const layer = join(options.workDir, 'check-layer');
  await rm(layer, { recursive: true, force: true });
  const units = join(layer, 'etc', 'systemd', 'system');
  await mkdir(join(units, 'graphical.target.wants'), { recursive: true });
  await mkdir(join(layer, 'opt', 'sidbox-check'), { recursive: true });
  await cp(
    join(options.checkSources, 'sidbox-check.mjs'),
    join(layer, 'opt', 'sidbox-check', 'sidbox-check.mjs'),
  );
  await cp(join(options.checkSources, 'sidbox-check.service'), join(units, 'sidbox-check.service'));
  await symlink(
    '../sidbox-check.service',
    join(units, 'graphical.target.wants', 'sidbox-check.service'),
  );
  const squashfs = join(options.workDir, 'zz-sidbox-check.squashfs');
  execFileSync('mksquashfs', [layer, squashfs, '-noappend', '-all-root', '-quiet']);
  await rm(options.out, { force: true });
  // `-boot_image any replay` keeps the hybrid MBR, the EFI partition and both boot loaders.
  execFileSync(
    'xorriso',
    [
      '-indev',
      options.productionIso,
      '-outdev',
      options.out,
      '-map',
      squashfs,
      '/live/zz-sidbox-check.squashfs',
      '-boot_image',
      'any',
      'replay',
    ],
    { stdio: 'ignore' },
  );
}
