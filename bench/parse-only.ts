// The floor: read every post of a site and parse it with the same unified pipeline the Document
// uses (remark-parse + GFM + front matter), and nothing else. Prints one JSON line.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { glob } from 'tinyglobby';
import { unified } from 'unified';

const dir = process.argv[2] as string;
const started = performance.now();
const files = (await glob(['**/*.md'], { cwd: dir })).sort();
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
let bytes = 0;
for (const file of files) {
  const text = await readFile(join(dir, file), 'utf8');
  bytes += Buffer.byteLength(text);
  processor.parse(text);
}
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ files: files.length, bytes, ms })}\n`);
