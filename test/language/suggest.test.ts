import { describe, expect, it } from 'vitest';
import { baseForm } from '../../src/language/patterns.js';
import { isClearCorrection, matchCase, rankSuggestions, slipDistance } from '../../src/language/suggest.js';

const frequencies = new Map([
  ['the', 1_500_000],
  ['they', 300_000],
  ['library', 5_000],
  ['liberty', 3_000],
  ['liar', 4_000],
  ['occurred', 2_000],
  ['occur', 1_000],
]);

describe('slipDistance', () => {
  it('makes likely slips cheaper than arbitrary edits', () => {
    expect(slipDistance('teh', 'the')).toBeLessThan(slipDistance('tha', 'the') + 0.5);
    expect(slipDistance('occured', 'occurred')).toBeLessThan(slipDistance('occurxed', 'occurred'));
    expect(slipDistance('librart', 'library')).toBeLessThan(slipDistance('librarm', 'library'));
    expect(slipDistance('same', 'same')).toBe(0);
  });
});

describe('rankSuggestions', () => {
  it('puts the likely correction first', () => {
    expect(rankSuggestions('libary', ['liar', 'liberty', 'library'], frequencies)[0]?.word).toBe('library');
    expect(rankSuggestions('occured', ['occur', 'occurred'], frequencies)[0]?.word).toBe('occurred');
    expect(rankSuggestions('teh', ['they', 'the'], frequencies)[0]?.word).toBe('the');
  });

  it('drops multi-word candidates and the word itself', () => {
    expect(rankSuggestions('makerspace', ['maker space', 'makerspace'], frequencies)).toEqual([]);
  });

  it('calls a correction clear only when it leads by about an edit', () => {
    expect(isClearCorrection([{ word: 'a', score: 0 }])).toBe(true);
    expect(
      isClearCorrection([
        { word: 'a', score: 0 },
        { word: 'b', score: 0.5 },
      ]),
    ).toBe(false);
    expect(
      isClearCorrection([
        { word: 'a', score: 0 },
        { word: 'b', score: 1.2 },
      ]),
    ).toBe(true);
    expect(isClearCorrection([])).toBe(false);
  });

  it('keeps the case of the misspelling', () => {
    expect(matchCase('Libary', 'library')).toBe('Library');
    expect(matchCase('LIBARY', 'library')).toBe('LIBRARY');
    expect(matchCase('libary', 'library')).toBe('library');
  });

  it('finds plain verb forms', () => {
    expect(['likes', 'watches', 'tries', 'opens', 'goes'].map(baseForm)).toEqual([
      'like',
      'watch',
      'try',
      'open',
      'go',
    ]);
  });
});
