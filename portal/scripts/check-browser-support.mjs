// Run after `vite build`: fails the build when dist/ uses a built-in or CSS feature newer than Chromium 86.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newerFeaturesIn, OLDEST_CHROMIUM } from './browser-support.mjs';

const dir = join(process.cwd(), 'dist', 'assets');
const problems = [];
for (const file of readdirSync(dir)) {
  const kind = file.endsWith('.js') ? 'js' : file.endsWith('.css') ? 'css' : null;
  if (!kind) continue;
  for (const feature of newerFeaturesIn(readFileSync(join(dir, file), 'utf8'), kind)) problems.push(`${file}: ${feature}`);
}
if (problems.length) {
  console.error(`The portal must run on Chromium ${OLDEST_CHROMIUM} and later; dist/ uses:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`dist/ uses nothing newer than Chromium ${OLDEST_CHROMIUM}.`);
