// `node --import tsx image/src/build.ts [sidbox|plain|all]`: builds (or reuses) the live ISOs
// and the stick base image in the image cache.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { buildIso, type BuiltIso } from './build-iso.js';
import { makeBaseImage } from './base-image.js';
import { imageCacheDir, repoRoot } from './paths.js';
import { variants, type Variant } from './variants.js';

export interface BaseBuild {
  iso: BuiltIso;
  /** The stick base image: the ISO plus the empty config partition. */
  baseImage: string;
}

export async function buildVariant(
  variant: Variant,
  log: (line: string) => void = console.log,
): Promise<BaseBuild> {
  await mkdir(imageCacheDir, { recursive: true });
  const iso = await buildIso({ repoRoot, cacheDir: imageCacheDir, variant, log });
  const baseImage = join(imageCacheDir, `${variant.name}-base.img`);
  if (!iso.reused || !(await exists(baseImage))) await makeBaseImage(iso.path, baseImage);
  return { iso, baseImage };
}

async function exists(path: string): Promise<boolean> {
  const { access } = await import('node:fs/promises');
  return access(path).then(
    () => true,
    () => false,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const which = process.argv[2] ?? 'sidbox';
  const chosen = which === 'all' ? Object.values(variants) : [variants[which as Variant['name']]];
  for (const variant of chosen) {
    if (!variant) throw new Error(`unknown variant ${which} (sidbox, plain, all)`);
    const { baseImage } = await buildVariant(variant);
    console.log(`${variant.name}: base image ${baseImage}`);
  }
}
