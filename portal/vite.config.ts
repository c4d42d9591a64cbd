/// <reference types="vitest/config" />
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// Built into dist/, which Maven packages as classpath static resources of the gateway (see pom.xml).
export default defineConfig({
  base: '/',
  // single-file components compiled at build time: the bundle carries Vue's runtime only (no template compiler, no
  // eval), as the gateway's CSP requires (script-src 'self')
  plugins: [vue()],
  // Chromium 86 is the oldest kernel of the office browsers (360安全浏览器 and others): syntax is lowered to it here,
  // and scripts/check-browser-support.mjs fails the build on newer built-ins or CSS
  build: {
    outDir: 'dist', emptyOutDir: true, assetsDir: 'assets', sourcemap: false,
    target: ['chrome86'], cssTarget: ['chrome86'],
  },
  // `npm test` (in Maven's test phase): the pages' logic in a simulated DOM
  test: { environment: 'jsdom', include: ['test/**/*.test.ts'], server: { deps: { inline: ['element-plus'] } } },
});
