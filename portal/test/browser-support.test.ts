import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module of the build scripts, without type declarations
import { newerFeaturesIn } from '../scripts/browser-support.mjs';

describe('the build check for Chromium 86 kernels', () => {
  it('names a built-in newer than Chromium 86 with the version that brought it', () => {
    expect(newerFeaturesIn('const c=structuredClone(a);x.at(-1)', 'js'))
      .toEqual(['structuredClone()（Chromium 98）', 'Array.prototype.at()（Chromium 92）']);
  });

  it('names CSS newer than Chromium 86', () => {
    expect(newerFeaturesIn('.a:has(.b){color:red}main{height:100dvh}', 'css'))
      .toEqual([':has()（Chromium 105）', 'dvh/svh/lvh units（Chromium 108）']);
  });

  it('lets through what Chromium 86 runs', () => {
    expect(newerFeaturesIn('a?.b??c; s.replaceAll("x","y"); Promise.allSettled([])', 'js')).toEqual([]);
    expect(newerFeaturesIn('.a{display:flex;gap:4px}', 'css')).toEqual([]);
  });

  it('lets through the feature-detected or forwarding uses in Vue and Element Plus, and nothing beside them', () => {
    const vue = 'shift(){return Fr(this,"shift")},toReversed(){return mr(this).toReversed()},toSorted(e){return mr(this).toSorted(e)},toSpliced(...e){return mr(this).toSpliced(...e)},unshift';
    const elementPlus = 'if(typeof Intl<"u"&&"Segmenter"in Intl){const zo=new Intl.Segmenter(void 0,{granularity:"grapheme"});';
    expect(newerFeaturesIn(vue + elementPlus, 'js')).toEqual([]);
    expect(newerFeaturesIn(`${vue}rows.toSorted((a,b)=>a-b)`, 'js')).toEqual(['Array.prototype.toSorted() …（Chromium 110）']);
    expect(newerFeaturesIn('new Intl.Segmenter("zh")', 'js')).toEqual(['Intl.Segmenter（Chromium 87）']);
  });
});
