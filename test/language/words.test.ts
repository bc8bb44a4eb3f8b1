import { describe, expect, it } from 'vitest';
import { atSentenceStart, inTemplate, notAWord, tokenAround } from '../../src/language/words.js';

describe('what counts as a word', () => {
  it.each([
    ['wpl', '@wpl', 'email or handle'],
    ['booklovers', '#booklovers', 'hashtag'],
    ['examplelibary', 'help@examplelibary.org', 'email or handle'],
    ['pdf', 'report.pdf', 'file or domain name'],
    ['libary', 'example.org/libary', 'address or path'],
    ['abc', 'abc123', 'code, number or identifier'],
    ['WPL', 'WPL', 'acronym'],
    ['iPad', 'iPad', 'mixed-case name'],
    ['ATReference', 'ATReference', 'mixed-case name'],
    ["RF's", "RF's", 'acronym'],
  ])('%s in %s is not checked (%s)', (word, token, reason) => {
    expect(notAWord(word, token)).toBe(reason);
  });

  it('checks ordinary words, capitalized or not', () => {
    expect(notAWord('libary', 'libary')).toBeUndefined();
    expect(notAWord('Libary', 'Libary')).toBeUndefined();
  });

  it('finds the token around a word, without its punctuation', () => {
    const text = 'Write to (help@wpl.org), please.';
    expect(tokenAround(text, 10, 14)).toBe('help@wpl.org');
  });
});

describe('template tags', () => {
  it('finds Liquid tags, which are not prose', () => {
    const text = 'See {{ site.baseurl }}/img and {% include x.html %} here.';
    expect(inTemplate(text, text.indexOf('baseurl'), text.indexOf('baseurl') + 7)).toBe(true);
    expect(inTemplate(text, text.indexOf('here'), text.indexOf('here') + 4)).toBe(false);
  });
});

describe('sentence starts and names', () => {
  it('knows where sentences start', () => {
    const text = 'Join Ms. Alvarez today. Alvarez reads: Okonkwo too';
    expect(atSentenceStart(text, 0)).toBe(true);
    expect(atSentenceStart(text, text.indexOf('Alvarez'))).toBe(false);
    expect(atSentenceStart(text, text.lastIndexOf('Alvarez'))).toBe(true);
    expect(atSentenceStart(text, text.indexOf('Okonkwo'))).toBe(true);
  });
});
