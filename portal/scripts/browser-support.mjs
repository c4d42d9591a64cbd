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

/**
 * Uses in the libraries' code that a Chromium 86 kernel never reaches, each matched exactly (minified names vary) and
 * taken out before the search. Anything else that names such a feature still fails the build.
 */
export const SAFE_ON_86 = [
  {
    // Vue's reactive arrays (@vue/reactivity) forward these methods to the raw array: they run only when the portal's
    // own code calls them, and that code is searched like any other
    pattern: /toReversed\(\)\{return [\w$]+\(this\)\.toReversed\(\)\},toSorted\([\w$]+\)\{return [\w$]+\(this\)\.toSorted\([\w$]+\)\},toSpliced\(\.\.\.[\w$]+\)\{return [\w$]+\(this\)\.toSpliced\(\.\.\.[\w$]+\)\}/g,
    why: 'Vue reactive arrays forward toSorted()/toReversed()/toSpliced()',
  },
  {
    // Element Plus's input counts characters with Intl.Segmenter where there is one and by code points elsewhere
    pattern: /typeof Intl<"u"&&"Segmenter"in Intl\)\{const [\w$]+=new Intl\.Segmenter/g,
    why: 'Element Plus input: Intl.Segmenter only where "Segmenter" in Intl',
  },
];

/** The features of `NEWER_THAN_86` that a built file's text uses (leaving out the uses of `SAFE_ON_86`). */
export function newerFeaturesIn(text, kind) {
  const searched = SAFE_ON_86.reduce((t, s) => t.replace(s.pattern, ''), text);
  return NEWER_THAN_86.filter((f) => f.kind === kind && f.pattern.test(searched)).map((f) => `${f.name}（Chromium ${f.since}）`);
}
