// Prepares the images the boot test and the bench run: the production stick and the test
// variant (production + check layer), both personalised through `sidbox image build` and
// checked with `sidbox image verify`, exactly as an operator would.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeBaseImage } from './base-image.js';
import { buildVariant, type BaseBuild } from './build.js';
import { makeCheckIso } from './check-layer.js';
import { imageCacheDir, repoRoot } from './paths.js';
import { variants } from './variants.js';

export const testConfig = join(repoRoot, 'config', 'examples', 'hotel.yaml');
/** The hotel example's header colour, which the attract screen must show. */
export const testPrimaryColour = '#5b2a86';

export interface TestSticks {
  production: BaseBuild;
  /** Personalised production image (what an operator flashes). */
  productionImage: string;
  /** Personalised test variant (production + check layer). */
  checkImage: string;
  verifyOutput: string;
}

export async function prepareSticks(
  workDir: string,
  log: (line: string) => void,
): Promise<TestSticks> {
  await mkdir(workDir, { recursive: true });
  const production = await buildVariant(variants.sidbox, log);
  const checkIso = join(imageCacheDir, 'sidbox-check.iso');
  await makeCheckIso({
    productionIso: production.iso.path,
    checkSources: join(repoRoot, 'image', 'check'),
    workDir,
    out: checkIso,
  });
  const checkBase = join(imageCacheDir, 'sidbox-check-base.img');
  await makeBaseImage(checkIso, checkBase);

  // A credential as an enrollment hands out: a fresh Ed25519 key pair, a hub that does not exist.
  const credential = join(workDir, 'terminal.json');
  await writeFile(credential, JSON.stringify(fakeEnrollmentCredential()));
  const productionImage = join(workDir, 'sidbox.img');
  const checkImage = join(workDir, 'sidbox-check.img');
  for (const [base, out] of [
    [production.baseImage, productionImage],
    [checkBase, checkImage],
  ] as const) {
    sidbox([
      'image',
      'build',
      '--base',
      base,
      '--config',
      testConfig,
      '--credential',
      credential,
      '--out',
      out,
    ]);
  }
  const verifyOutput = sidbox(['image', 'verify', '--base', production.baseImage, productionImage]);
  log(verifyOutput.trimEnd());
  return { production, productionImage, checkImage, verifyOutput };
}

/** FAKE hub enrollment: no hub runs in this test; the key pair and id are real and random. */
function fakeEnrollmentCredential(): object {
  const terminal = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  const signing = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
  return {
    terminalId: randomUUID(),
    hubUrl: 'https://hub.sidbox.invalid/',
    terminalKey: { kty: 'OKP', crv: 'Ed25519', x: terminal.x, d: terminal.d },
    configSigningKey: { kty: 'OKP', crv: 'Ed25519', x: signing.x },
  };
}

function sidbox(args: string[]): string {
  return execFileSync('node', [join(repoRoot, 'packages', 'cli', 'dist', 'main.js'), ...args], {
    encoding: 'utf8',
  });
}
