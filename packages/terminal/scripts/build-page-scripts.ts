// `npm run build`: bundles the page scripts (src/browser/page) for the built terminal, next to
// the module that loads them (dist/browser/page-script.js).
import { mkdirSync, writeFileSync } from 'node:fs';
import { bundlePageScript, pageScriptNames } from '../src/browser/page-script.js';

const outDir = new URL('../dist/browser/page/', import.meta.url);
mkdirSync(outDir, { recursive: true });
for (const name of pageScriptNames)
  writeFileSync(new URL(`${name}.js`, outDir), bundlePageScript(name));
