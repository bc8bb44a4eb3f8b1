import fc from 'fast-check';

/**
 * Generated Markdown posts with odd structure: quotes, lists and footnotes holding any block,
 * tables, raw HTML, code, front matter, and prose with the words the policy rules look for.
 */

const WORDS = [
  'the',
  'library',
  'patron',
  'Dr.',
  'Li',
  'Chen',
  'said',
  '"quoted words"',
  '“curly”',
  'don’t',
  'password:',
  'hunter2',
  '$12',
  'donate',
  'buy',
  'now',
  'UTC-8',
  'damn',
  'https://example.org/a?ref=x',
  'name@example.org',
  '@someone@server.social',
  '555-0100',
  'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  'vote',
  'Photo:',
  'by',
  'Niño',
  '図書館',
  '🎉',
  '—',
  '*',
  '_',
  '`',
  '[',
  ']',
  '<',
  '>',
  '|',
  '\\',
  '&amp;',
  '[^1]',
  '[Insert video here]',
];

const word = fc.constantFrom(...WORDS);

const inline: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 1, arbitrary: word.map((w) => `*${w}*`) },
  { weight: 1, arbitrary: word.map((w) => `**${w}**`) },
  { weight: 1, arbitrary: word.map((w) => `\`${w}\``) },
  { weight: 1, arbitrary: word.map((w) => `[${w}](https://example.org/${encodeURIComponent(w)})`) },
  { weight: 1, arbitrary: word.map((w) => `![${w}](photo.jpg)`) },
  { weight: 1, arbitrary: word.map((w) => `<q>${w}</q>`) },
  { weight: 1, arbitrary: fc.constant('<br>') },
  { weight: 1, arbitrary: fc.constant('  \n') },
);

const line = fc.array(inline, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(' '));
const paragraph = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));

const leaf: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: paragraph },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), line).map(([n, l]) => `${'#'.repeat(n)} ${l}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('---', '***', '___') },
  { weight: 1, arbitrary: line.map((l) => `\`\`\`\n${l}\n\`\`\``) },
  { weight: 1, arbitrary: line.map((l) => `    ${l}`) },
  { weight: 1, arbitrary: line.map((l) => `<div>\n${l}\n</div>`) },
  { weight: 1, arbitrary: line.map((l) => `<blockquote><p>${l}</p></blockquote>`) },
  { weight: 1, arbitrary: fc.constant('<iframe src="https://www.youtube.com/embed/abc"></iframe>') },
  { weight: 1, arbitrary: line.map((l) => `<!-- ${l} -->`) },
  {
    weight: 1,
    arbitrary: fc.tuple(line, line).map(([a, b]) => `| ${a.replace(/\|/g, '')} | x |\n|---|---|\n| ${b} | |`),
  },
  { weight: 1, arbitrary: fc.constant('[ref]: https://example.org "Title"') },
);

function indent(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((l, i) => (i === 0 ? first : rest) + l)
    .join('\n');
}

const { block } = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .array(tie('block'), { minLength: 1, maxLength: 4 })
      .map((blocks) => indent(blocks.join('\n\n'), '> ', '> ').replace(/> $/gm, '>')),
    fc
      .tuple(
        fc.constantFrom('- ', '* ', '1. ', '- [ ] '),
        fc.array(tie('block'), { minLength: 1, maxLength: 3 }),
      )
      .map(([marker, items]) => items.map((b) => indent(b, marker, ' '.repeat(marker.length))).join('\n')),
    fc
      .array(tie('block'), { minLength: 1, maxLength: 2 })
      .map((blocks) => indent(blocks.join('\n\n'), '[^1]: ', '    ')),
  ),
}));

const frontMatter = fc.constantFrom(
  '',
  '---\ntitle: A post\nauthor: Sam\ndate: 2026-01-01\n---\n\n',
  '---\nauthor: [1, {name: 2}]\nwords: 3\n---\n\n',
  '---\nbroken: "unclosed\n---\n\n',
  '+++\ntitle = "TOML"\n+++\n\n',
);

export const oddMarkdown: fc.Arbitrary<string> = fc
  .tuple(frontMatter, fc.array(block, { minLength: 1, maxLength: 8 }))
  .map(([fm, blocks]) => `${fm}${blocks.join('\n\n')}\n`);
