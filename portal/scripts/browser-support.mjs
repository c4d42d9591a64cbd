// What the portal may use so that the Chromium kernels of Chinese office browsers run it (360安全浏览器, QQ浏览器 and
// others ship kernels from Chromium 86 up). Vite's build lowers the *syntax* to `chrome86` (vite.config.ts); it does
// not touch built-in *functions* or CSS features, so the built files are searched for those that arrived after 86.

export const OLDEST_CHROMIUM = 86;

/** Built-ins and CSS features newer than Chromium 86, each with the version that brought it. */
export const NEWER_THAN_86 = [
  { kind: 'js', pattern: /\bstructuredClone\s*\(/, name: 'structuredClone()', since: 98 },
  { kind: 'js', pattern: /\bObject\.hasOwn\s*\(/, name: 'Object.hasOwn()', since: 93 },
  { kind: 'js', pattern: /\bObject\.groupBy\s*\(/, name: 'Object.groupBy()', since: 117 },
  { kind: 'js', pattern: /\.findLast(Index)?\s*\(/, name: 'Array.prototype.findLast()', since: 97 },
  { kind: 'js', pattern: /\.(toSorted|toReversed|toSpliced)\s*\(/, name: 'Array.prototype.toSorted() …', since: 110 },
  { kind: 'js', pattern: /\.at\s*\(\s*-?\d/, name: 'Array.prototype.at()', since: 92 },
  { kind: 'js', pattern: /\bArray\.fromAsync\s*\(/, name: 'Array.fromAsync()', since: 121 },
  { kind: 'js', pattern: /\bIntl\.Segmenter\b/, name: 'Intl.Segmenter', since: 87 },
  { kind: 'js', pattern: /\bAbortSignal\.timeout\s*\(/, name: 'AbortSignal.timeout()', since: 103 },
  { kind: 'css', pattern: /:has\(/, name: ':has()', since: 105 },
  { kind: 'css', pattern: /:(is|where)\(/, name: ':is() / :where()', since: 88 },
  { kind: 'css', pattern: /\baspect-ratio\s*:/, name: 'aspect-ratio', since: 88 },
  { kind: 'css', pattern: /@container\b/, name: '@container', since: 105 },
  { kind: 'css', pattern: /\bcolor-mix\(/, name: 'color-mix()', since: 111 },
  { kind: 'css', pattern: /\b\d+(\.\d+)?(dvh|svh|lvh|dvw|svw|lvw)\b/, name: 'dvh/svh/lvh units', since: 108 },
];

/** The features of `NEWER_THAN_86` that a built file's text uses. */
export function newerFeaturesIn(text, kind) {
  return NEWER_THAN_86.filter((f) => f.kind === kind && f.pattern.test(text)).map((f) => `${f.name}（Chromium ${f.since}）`);
}
