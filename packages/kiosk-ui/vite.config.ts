import { defineConfig, type Plugin } from 'vite';
import { kioskTexts } from './src/i18n/kiosk-texts.js';

/** Emits dist/kiosk-texts.json from the catalogue, for the daemon (bar on service pages, notices). */
function kioskTextsFile(): Plugin {
  return {
    name: 'sidbox-kiosk-texts',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'kiosk-texts.json',
        source: `${JSON.stringify(kioskTexts(), null, 2)}\n`,
      });
    },
  };
}

// Preact through esbuild's automatic JSX runtime; workspace packages from their sources.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  resolve: { conditions: ['@sidbox/source', 'module', 'browser', 'default'] },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  plugins: [kioskTextsFile()],
});
