import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkMarkdown } from './test/helpers/rule-tester.js';

const dir = process.argv[2]!;
const cfgPath = join(dir, 'config.json');
const config = existsSync(cfgPath) ? JSON.parse(readFileSync(cfgPath, 'utf8')) : {};
for (const name of readdirSync(dir).filter(
  (f) => f.endsWith('.md') && (!process.argv[3] || f.includes(process.argv[3])),
)) {
  const f = await checkMarkdown(
    { [join(dir.replace(/^test\/fixtures\//, ''), name)]: readFileSync(join(dir, name), 'utf8') },
    { config },
  );
  console.log(`== ${name}`);
  for (const x of f)
    if (/attribution|accessibility|copyright|internal/.test(x.ruleId))
      console.log(
        `  ${x.line}:${x.column} ${x.severity} ${x.ruleId} ${x.message.replace(/ \(Policy.*$/, '').slice(0, 200)}`,
      );
}
