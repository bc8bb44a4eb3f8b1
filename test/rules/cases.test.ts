import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/rules/index.js';
import { testRules } from '../helpers/rule-cases.js';
import { brief, checkMarkdown } from '../helpers/rule-tester.js';

const credential = allRules.filter((r) => r.meta.id === 'secrets/credential');
const spelling = allRules.filter((r) => r.meta.id === 'spelling/unknown-word');
const grammar = allRules.filter((r) => r.meta.id.startsWith('grammar/'));

testRules('secrets/credential', credential, {
  valid: [
    'Forgot your password? Reset it at the front desk.',
    'Your usernames and passwords are scrambled so they look like nonsense.',
  ],
  invalid: [
    {
      name: 'a GitHub token in prose',
      code: 'Use ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R to sign in.\n',
      errors: [
        { ruleId: 'secrets/credential', line: 1, column: 5, endLine: 1, endColumn: 45, severity: 'error' },
      ],
    },
  ],
});

testRules('spelling/unknown-word: several suggestions, so nothing is applied unread', spelling, {
  valid: ['The library is open on Saturday.'],
  invalid: [
    {
      code: 'The libary is open on Saturday.\n',
      errors: [
        {
          ruleId: 'spelling/unknown-word',
          line: 1,
          column: 5,
          endLine: 1,
          endColumn: 11,
          suggestions: ['library', 'liberty', 'livery'],
        },
      ],
    },
  ],
});

testRules('grammar/repetition: a declared fix, applied by --fix', grammar, {
  valid: ['Story time is on Saturday.'],
  invalid: [
    {
      code: 'Story time is on on Saturday.\n',
      errors: [{ ruleId: 'grammar/repetition', line: 1, column: 15, endLine: 1, endColumn: 20 }],
      output: 'Story time is on Saturday.\n',
    },
  ],
});

describe('secretlint inside secrets/credential', () => {
  it('finds a token and leaves no timing marks behind, post after post', async () => {
    performance.clearMarks();
    const posts = Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [`post-${i}.md`, `# Post ${i}\n\nStory time on Saturday.\n`]),
    );
    posts['token.md'] = '# Setup\n\nUse ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R to sign in.\n';
    const findings = await checkMarkdown(posts, { rules: credential });
    expect(brief(findings)).toEqual(['secrets/credential 3:5 error']);
    // secretlint 11 marks every rule on every file and compares each mark with all before it.
    expect(performance.getEntriesByType('mark')).toEqual([]);
  });
});

const claims = allRules.filter((r) => r.meta.id === 'content/unsourced-claim');

testRules('content/unsourced-claim', claims, {
  valid: [
    'We lent 1.2 million items last year, a record for the branches.',
    'Nearly 60% of adults have a library card, according to the [ALA](https://www.ala.org/).',
    'Children who read over the summer keep their reading level.[^1]\n\n[^1]: Summer reading study, 2024.',
    '## The largest book sale of the year',
    '> Studies show that reading lowers stress by two thirds.',
    'Story time is Tuesdays at 10:30 a.m.; museum passes are $12 for extra guests.',
    'Our data shows that Tuesday evenings are the busiest.',
  ],
  invalid: [
    {
      name: 'a percentage, reported once per paragraph from the sentence that states it',
      code: 'Reading matters. One in five adults struggles to read. Nearly 60% of adults have a card.\n',
      errors: [
        {
          ruleId: 'content/unsourced-claim',
          line: 1,
          column: 18,
          endLine: 1,
          endColumn: 55,
          severity: 'notice',
        },
      ],
    },
    {
      name: 'research claims need a source even when they mention the library',
      code: 'Students who use the library do better in college, studies show.\n',
      errors: [
        {
          ruleId: 'content/unsourced-claim',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 65,
          severity: 'notice',
        },
      ],
    },
    {
      name: 'a ranking in a list item, decimals kept in the sentence',
      code: '- The Library of Babel was the first library in the world to lend 2.5 million scrolls.\n',
      errors: [
        {
          ruleId: 'content/unsourced-claim',
          line: 1,
          column: 3,
          endLine: 1,
          endColumn: 87,
          severity: 'notice',
        },
      ],
    },
  ],
});
