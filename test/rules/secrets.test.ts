import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/rules/index.js';
import { brief, checkMarkdown } from '../helpers/rule-tester.js';

const credential = allRules.filter((r) => r.meta.id === 'secrets/credential');

describe('secrets/credential', () => {
  it('finds a token with secretlint and leaves no timing marks behind, post after post', async () => {
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
