import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';
import type { PageScripts } from './page-contract.js';

export type PageScriptName = keyof PageScripts;
export const pageScriptNames: readonly PageScriptName[] = ['page-guard', 'kiosk-bar'];

/** The bundle's global (scoped to the wrapper below): the entry module's exports. */
const GLOBAL_NAME = 'sidboxPage';

const bundleOptions = {
  bundle: true,
  format: 'iife',
  globalName: GLOBAL_NAME,
  target: 'chrome120',
  legalComments: 'none',
  write: false,
} satisfies BuildOptions;

/** A page script's source (src/browser/page/<name>.ts) bundled to one IIFE, by esbuild. */
export function bundlePageScript(name: PageScriptName): string {
  const { buildSync } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const entry = fileURLToPath(new URL(`page/${name}.ts`, import.meta.url));
  const [output] = buildSync({ ...bundleOptions, entryPoints: [entry] }).outputFiles;
  if (!output) throw new Error(`esbuild wrote nothing for the page script ${name}`);
  return output.text;
}

// Built code reads the bundle `npm run build` wrote next to it (dist/browser/page/); run from
// the TypeScript sources (tests, screenshots), the script is bundled from them on first use, so
// a test never runs a stale bundle and the same esbuild options make both.
const fromSources = import.meta.url.endsWith('.ts');
const bundles = new Map<PageScriptName, string>();

function bundleOf(name: PageScriptName): string {
  let bundle = bundles.get(name);
  if (bundle === undefined) {
    bundle = fromSources
      ? bundlePageScript(name)
      : readFileSync(new URL(`page/${name}.js`, import.meta.url), 'utf8');
    bundles.set(name, bundle);
  }
  return bundle;
}

/**
 * Source that runs page script `name` with `args` (JSON): its bundle, wrapped so that nothing
 * but what the script itself sets is left in the page's world.
 */
export function pageScript<N extends PageScriptName>(
  name: N,
  ...args: Parameters<PageScripts[N]>
): string {
  const call = args.map((arg) => JSON.stringify(arg)).join(', ');
  return `(() => {\n${bundleOf(name)}\nreturn ${GLOBAL_NAME}.run;\n})()(${call});`;
}
