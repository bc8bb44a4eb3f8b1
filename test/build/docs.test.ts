import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, readmeWithTable, rulesReference } from '../../scripts/docs.js';

const root = join(import.meta.dirname, '..', '..');

describe('generated documentation', () => {
  it('README rule table matches the rules (run npm run docs)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toBe(readmeWithTable(readme));
  });

  it('docs/rules.md matches the rules (run npm run docs)', () => {
    expect(readFileSync(join(root, 'docs', 'rules.md'), 'utf8')).toBe(rulesReference());
  });

  it('the JSON Schema matches the config schema (run npm run docs)', () => {
    expect(readFileSync(join(root, 'schema', 'content-gate.schema.json'), 'utf8')).toBe(configJsonSchema());
  });
});
