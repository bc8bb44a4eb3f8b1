import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
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

describe("the config JSON Schema types each rule's options", () => {
  const schema = JSON.parse(readFileSync(join(root, 'schema', 'content-gate.schema.json'), 'utf8'));
  const validate = new Ajv2020.default({ strict: false }).compile(schema);

  it('accepts known options and refuses unknown ones and bad values', () => {
    const config = (rules: unknown) => ({ rules });
    expect(validate(config({ 'spelling/unknown-word': { options: { dialect: 'en-GB' } } }))).toBe(true);
    expect(validate(config({ 'spelling/unknown-word': { options: { dialect: 'en-NZ' } } }))).toBe(false);
    expect(
      validate(config({ 'prohibited/copyright': { severity: 'warning', options: { maxQuoteWords: 150 } } })),
    ).toBe(true);
    expect(validate(config({ 'prohibited/copyright': { options: { maxQuoteWord: 150 } } }))).toBe(false);
    expect(validate(config({ 'links/broken': { options: { retryBackoffMs: 'soon' } } }))).toBe(false);
    expect(validate(config({ confidential: 'warning', 'links/redirect': 'off' }))).toBe(true);
  });
});
