import { defineConfig } from 'vite';

/** Preact through esbuild's automatic JSX runtime; workspace packages from their sources. */
export default defineConfig({
  root: 'src',
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  resolve: { conditions: ['@sidbox/source', 'module', 'browser', 'default'] },
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
});
