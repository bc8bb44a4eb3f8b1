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
