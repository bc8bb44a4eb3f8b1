import { describe, expect, it } from 'vitest';
import { Document } from '../../src/core/document.js';
import { extractLinks } from '../../src/links/extract.js';
import { classifyTarget, contactSyntaxProblem, routeKey, routesOf } from '../../src/links/local.js';

function extracted(text: string): string[] {
  const doc = new Document('post.md', '/site/post.md', text);
  return extractLinks(doc).map((l) => {
    const p = doc.point(l.start);
    const spanned = doc.source.slice(l.start, l.end);
    return `${l.kind} ${p.line}:${p.column} ${l.url}${l.exact ? '' : ' (inexact)'}${spanned === l.url ? '' : ` [${spanned}]`}`;
  });
}

describe('extractLinks', () => {
  it('finds every kind of link with the exact span of its target', () => {
    const text = [
      '---',
      'title: Links',
      'image: "/img/cover.jpg"',
      'related:',
      '  - https://example.org/related',
      'permalink: /links/',
      '---',
      '[inline](a.md "title") [![badge](b.png)](https://ci.example/x) <https://auto.example>',
      'www.example.com and https://literal.example/page. Mail desk@example.org.',
      '[ref][r] `[code](c.md)` ![image](<d e.png>)',
      '',
      '```',
      '[fenced](f.md)',
      '```',
      '',
      '<a href="https://h.example/?a=1&amp;b=2" cite=\'q.html\'>x</a> <img srcset="s1.png 1x, s2.png 2x" src=s0.png>',
      '',
      '[r]: https://def.example/ "T"',
    ].join('\n');
    expect(extracted(text)).toEqual([
      'frontMatter 3:9 /img/cover.jpg',
      'frontMatter 5:5 https://example.org/related',
      'link 8:10 a.md',
      'image 8:34 b.png',
      'link 8:42 https://ci.example/x',
      'autolink 8:65 https://auto.example',
      'literal 9:1 http://www.example.com [www.example.com]',
      'literal 9:21 https://literal.example/page',
      'image 10:35 d e.png',
      'html 16:10 https://h.example/?a=1&b=2 (inexact) [https://h.example/?a=1&amp;b=2]',
      'html 16:48 q.html',
      'html 16:75 s1.png',
      'html 16:86 s2.png',
      'html 16:101 s0.png',
      'definition 18:6 https://def.example/',
    ]);
  });
});

describe('classifyTarget', () => {
  it('sorts targets into external, contact, local and ignored', () => {
    expect(
      [
        'https://Example.org/a#frag',
        '//cdn.example.org/x.js',
        'mailto:desk@example.org',
        'tel:+1-508-555-0100',
        '#section',
        '../up/page.md?x=1#s',
        'javascript:alert(1)',
        '{{ site.url }}/page',
        '',
      ].map((u) => JSON.stringify(classifyTarget(u))),
    ).toEqual([
      '{"type":"external","url":"https://example.org/a"}',
      '{"type":"external","url":"https://cdn.example.org/x.js"}',
      '{"type":"mailto","value":"desk@example.org"}',
      '{"type":"tel","value":"+1-508-555-0100"}',
      '{"type":"fragment","fragment":"section"}',
      '{"type":"local","path":"../up/page.md","fragment":"s"}',
      '{"type":"ignored"}',
      '{"type":"ignored"}',
      '{"type":"ignored"}',
    ]);
  });

  it('checks mailto and tel syntax only', () => {
    expect(contactSyntaxProblem('mailto', 'desk@example.org?subject=Hi%20there')).toBeUndefined();
    expect(contactSyntaxProblem('mailto', 'a@example.org,b@example.org')).toBeUndefined();
    expect(contactSyntaxProblem('mailto', 'desk@library')).toBe(
      'the email address "desk@library" is not valid',
    );
    expect(contactSyntaxProblem('tel', '+1 (508) 555-0100')).toBeUndefined();
    expect(contactSyntaxProblem('tel', 'call-us')).toMatch(/is not valid/);
  });

  it('knows the addresses a site generator gives Markdown files', () => {
    expect(routesOf('_posts/2020-01-02-hello-world.md')).toEqual([
      '/_posts/2020-01-02-hello-world',
      '/hello-world',
      '/2020/01/02/hello-world',
    ]);
    expect(['/about/', '/about/index.html', '/about.html', 'about'].map(routeKey)).toEqual([
      '/about',
      '/about',
      '/about',
      '/about',
    ]);
  });
});
