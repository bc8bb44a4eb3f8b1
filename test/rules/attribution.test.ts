import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { creditIndex, findCredit, licenceUrl } from '../../src/rules/shared/credit.js';
import { OwnedMedia, parseMediaUrl, stockAgencyOf, stripTemplate } from '../../src/rules/shared/media-url.js';
import { briefFor, checkMarkdown, FIXTURES } from '../helpers/rule-tester.js';

const MINE = [
  'attribution/quote-source',
  'attribution/media-credit',
  'accessibility/alt-text',
  'prohibited/copyright',
];

async function findingsOf(text: string, config: object = {}) {
  const findings = await checkMarkdown(text, { config });
  return findings.filter((f) => MINE.includes(f.ruleId));
}

describe('ok posts of the attribution rules', () => {
  const folders = [
    'attribution/media-credit',
    'attribution/quote-source',
    'accessibility/alt-text',
    'prohibited/copyright',
  ];
  const posts = folders.flatMap((folder) => {
    const dir = join(FIXTURES, 'rules', folder);
    const configPath = join(dir, 'config.json');
    const config = existsSync(configPath) ? (JSON.parse(readFileSync(configPath, 'utf8')) as object) : {};
    return readdirSync(dir)
      .filter((f) => f.startsWith('ok-'))
      .map((f) => ({
        name: `${folder}/${f}`,
        path: join('rules', folder, f),
        text: readFileSync(join(dir, f), 'utf8'),
        config,
      }));
  });

  it('has at least ten clean, credited posts', () => {
    expect(posts.length).toBeGreaterThanOrEqual(10);
  });

  it.each(posts.map((p) => [p.name, p]))(
    '%s raises nothing from any of the four rules',
    async (_name, post) => {
      const findings = await checkMarkdown({ [post.path]: post.text }, { config: post.config });
      expect(briefFor(findings, MINE)).toEqual([]);
    },
  );
});

describe('attribution/media-credit', () => {
  it('names the embed and gives the line to add', async () => {
    const [finding] = await findingsOf('<iframe src="https://www.youtube.com/embed/abc"></iframe>\n');
    expect(finding?.message).toMatch(
      /^This YouTube embed has no credit\. Add a line under it such as: \*Video: \[/,
    );
    expect(finding?.policy).toBe('Attribution');
  });

  it('offers the visible caption as a suggestion when the title already credits the creator', async () => {
    const findings = await findingsOf('![Snowy steps](https://x.example.com/steps.jpg "Photo by Kim Lee")\n');
    expect(findings.map((f) => [f.ruleId, f.severity, f.suggestions])).toEqual([
      [
        'attribution/media-credit',
        'notice',
        ['![Snowy steps](https://x.example.com/steps.jpg "Photo by Kim Lee")\n*Photo by Kim Lee*'],
      ],
    ]);
  });

  it('points at an unlinked licence name and offers its link', async () => {
    const post =
      '![Seed packets in a drawer](https://a.example.com/seeds.jpg)\n*Photo by [Ana](https://ana.example.com), CC BY-SA 4.0*\n';
    const findings = await findingsOf(post);
    expect(findings.map((f) => [f.line, f.column, f.endColumn, f.severity, f.suggestions])).toEqual([
      [2, 43, 55, 'notice', ['[CC BY-SA 4.0](https://creativecommons.org/licenses/by-sa/4.0/)']],
    ]);
  });

  it('leaves stock images to prohibited/copyright, and reports them itself when that rule is off', async () => {
    const post = '![Tax forms on a desk](https://www.shutterstock.com/image-photo/forms.jpg)\n';
    expect(briefFor(await checkMarkdown(post), MINE)).toEqual(['prohibited/copyright 1:1 error']);
    const withoutCopyright = await checkMarkdown(post, { overrides: { 'prohibited/copyright': 'off' } });
    expect(briefFor(withoutCopyright, MINE)).toEqual(['attribution/media-credit 1:1 error']);
  });

  it('does not take the caption of the next image for its own', async () => {
    const post =
      '![One](https://a.example.com/1.jpg)\n\n![Two](https://a.example.com/2.jpg)\n*Photo: [Ana](https://ana.example.com)*\n';
    expect(briefFor(await findingsOf(post), ['attribution/media-credit'])).toEqual([
      'attribution/media-credit 1:1 error',
    ]);
  });

  it('reads Jekyll images whose address starts with a template', async () => {
    const post = 'Text.\n\n![Hillel at his desk]({{ site.baseurl }}/assets/img/hillel.jpg)\n';
    expect(briefFor(await findingsOf(post), MINE)).toEqual(['attribution/media-credit 3:1 error']);
    expect(await findingsOf(post, { ownedMedia: ['/assets/img/**'] })).toEqual([]);
  });

  it('reports a TOML header image at the front matter', async () => {
    const post = '+++\ntitle = "Hi"\nimage = "https://a.example.com/hero.jpg"\n+++\n\nText.\n';
    expect(briefFor(await findingsOf(post), MINE)).toEqual(['attribution/media-credit 1:1 error']);
  });

  it('does not crash on media without an address or quotes without text', async () => {
    const post =
      '<img>\n\n<iframe></iframe>\n\n<video></video>\n\n>\n\n<blockquote></blockquote>\n\n<q></q>\n\n![]()\n';
    const findings = await checkMarkdown(post);
    expect(findings.filter((f) => f.ruleId === 'internal/rule-error')).toEqual([]);
  });
});

describe('attribution/quote-source', () => {
  it('names the source of a text-only attribution', async () => {
    const [finding] = await findingsOf('> Libraries are open to all.\n\n— The Guardian\n');
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toMatch(
      /^This quote from The Guardian names its source in text only\..*— \[The Guardian\]\(https:\/\/link-to-the-original\)/,
    );
  });

  it('reads a cite attribute that is a name, not an address, as a text-only source', async () => {
    const [finding] = await findingsOf(
      '<blockquote cite="The Worcester Telegram">Libraries are busy.</blockquote>\n',
    );
    expect([finding?.severity, finding?.message.split('.')[0]]).toEqual([
      'warning',
      'This quote from The Worcester Telegram names its source in text only',
    ]);
  });

  it('accepts a link in the sentence that introduces the quote, not one earlier in the paragraph', async () => {
    const linked = 'We read [the report](https://a.example.org). The summary says:\n\n> Visits rose.\n';
    expect(await findingsOf(linked)).toEqual([]);
    const unlinked = 'We read [the report](https://a.example.org). A patron told us:\n\n> Visits rose.\n';
    expect(briefFor(await findingsOf(unlinked), MINE)).toEqual(['attribution/quote-source 3:1 warning']);
  });
});

describe('prohibited/copyright options', () => {
  it('reports quotations over the configured word count', async () => {
    const post =
      'As [the report](https://a.example.org) says:\n\n> One two three four five six seven eight nine ten eleven twelve.\n\nOur own words here, many of them, to keep the share low enough for this test to be about length alone and nothing else at all today.\n';
    expect(await findingsOf(post)).toEqual([]);
    const strict = {
      rules: { 'prohibited/copyright': { severity: 'error', options: { maxQuoteWords: 10 } } },
    };
    expect(briefFor(await findingsOf(post, strict), MINE)).toEqual(['prohibited/copyright 3:1 warning']);
  });
});

describe('credit words', () => {
  it.each([
    ['Photo by Jane Doe', true],
    ['*Photo: [Jane](https://j.example.com)*', true],
    ['Image courtesy of the Worcester Historical Museum', true],
    ['© 2024 Jane Doe', true],
    ['Postcard via Digital Commonwealth', true],
    ['Credit: Sam Rivera', true],
    ['This is not a credit: cats are wonderful.', false],
    ['Register via the online form.', false],
    ['Photo:', false],
    ['A photo of the reading room.', false],
  ])('%s -> %s', (text, credited) => {
    expect(creditIndex(text) !== -1).toBe(credited);
  });

  it('reads a Creative Commons licence and whether it is linked', () => {
    const credit = findCredit(
      [
        {
          text: 'Photo by Ana, CC BY-ND 2.0',
          links: ['https://creativecommons.org/licenses/by-nd/2.0/'],
          visible: true,
          where: 'next',
        },
      ],
      'https://a.example.com/x.jpg',
    );
    expect(credit?.licence).toEqual({
      name: 'CC BY-ND 2.0',
      linked: true,
      nonCommercial: false,
      noDerivatives: true,
    });
    expect(licenceUrl('CC BY-SA 4.0')).toBe('https://creativecommons.org/licenses/by-sa/4.0/');
  });
});

describe('owned media and hosts', () => {
  const owned = new OwnedMedia([
    '/assets/wpl/**',
    'media.mywpl.org',
    '*.cdn.mywpl.org',
    'static.example.com/wpl/**',
    'img/**',
  ]);
  it.each([
    ['/assets/wpl/2025/x.jpg', 'blog/post.md', true],
    ['{{ site.baseurl }}/assets/wpl/x.jpg', 'blog/post.md', true],
    ['https://media.mywpl.org/a/b.png', 'blog/post.md', true],
    ['https://eu.cdn.mywpl.org/a.png', 'blog/post.md', true],
    ['https://static.example.com/wpl/a.png', 'blog/post.md', true],
    ['https://static.example.com/other/a.png', 'blog/post.md', false],
    ['../img/a.png', 'blog/post.md', true],
    ['/assets/other/x.jpg', 'blog/post.md', false],
    ['https://evil-mywpl.org/x.png', 'blog/post.md', false],
  ])('%s in %s -> %s', (url, post, expected) => {
    expect(owned.owns(parseMediaUrl(url), post)).toBe(expected);
  });

  it('recognises stock agencies but not Getty’s licensed embed player', () => {
    expect(stockAgencyOf(parseMediaUrl('https://media.gettyimages.com/id/1/photo.jpg'))?.name).toBe(
      'Getty Images',
    );
    expect(stockAgencyOf(parseMediaUrl('https://embed.gettyimages.com/embed/1'))).toBeUndefined();
    expect(stockAgencyOf(parseMediaUrl('https://t4.ftcdn.net/jpg/1.jpg'))?.name).toBe('Adobe Stock');
  });

  it('strips template prefixes', () => {
    expect(stripTemplate("{{ '/assets/x.jpg' | relative_url }}")).toBe('/assets/x.jpg');
    expect(stripTemplate('{{site.url}}{{site.baseurl}}/a.png')).toBe('/a.png');
  });
});
