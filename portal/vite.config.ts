import { defineConfig } from 'vite';

// Built into dist/, which Maven packages as classpath static resources of the gateway (see pom.xml).
export default defineConfig({
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, assetsDir: 'assets', sourcemap: false },
});
