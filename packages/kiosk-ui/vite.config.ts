import { defineConfig } from 'vite';

// Preact through esbuild's automatic JSX runtime; no plugin needed for a UI this small.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
