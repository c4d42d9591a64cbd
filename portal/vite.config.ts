/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// Built into dist/, which Maven packages as classpath static resources of the gateway (see pom.xml).
export default defineConfig({
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, assetsDir: 'assets', sourcemap: false },
  // `npm test` (in Maven's test phase): the pages' logic in a simulated DOM
  test: { environment: 'jsdom', include: ['test/**/*.test.ts'] },
});
