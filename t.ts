import { readFileSync } from 'node:fs';
import { checkMarkdown } from './test/helpers/rule-tester.js';
const f = await checkMarkdown(readFileSync(process.argv[2]!, 'utf8'), { file: 'post.md', config: JSON.parse(process.argv[3] ?? '{}') });
for (const x of f) if (/attribution|accessibility|copyright/.test(x.ruleId)) console.log(`${x.line}:${x.column} ${x.severity} ${x.ruleId} ${x.message.replace(/ \(Policy.*$/, '')} ${x.suggestions.length ? JSON.stringify(x.suggestions) : ''}`);
