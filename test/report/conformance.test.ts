import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { EngineFinding, Severity } from '../../src/core/types.js';
import { formatSarif, pathToUri, SARIF_MAX_RESULTS } from '../../src/report/sarif.js';
import { allRuleMetas } from '../../src/rules/index.js';
import { cli, site } from '../helpers/cli.js';

/** What consumers of the formats check: the SARIF 2.1.0 schema, code scanning's limits, URI syntax. */
const require = createRequire(import.meta.url);
const SARIF_SCHEMA = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

function validator() {
  // The official SARIF 2.1.0 schema is written in JSON Schema draft-04.
  // One of its patterns (`language`) is not valid with the `u` flag, so patterns are read without it.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
}

function finding(i: number, severity: Severity, file = 'post.md'): EngineFinding {
  return {
    ruleId: 'confidential/draft',
    category: 'confidential',
    severity,
    message: `finding ${i}`,
    policy: 'Confidentiality',
    file,
    line: i + 1,
    column: 1,
    endLine: i + 1,
    endColumn: 3,
    suggestions: [],
    fingerprint: `fp${i}`,
    lineHash: `${'0'.repeat(16)}:${i + 1}`,
  };
}

/** RFC 3986 relative reference with a path only: unreserved, sub-delims, ':' '@', '/' and %HH. */
const RELATIVE_PATH_REF =
  /^(?:[A-Za-z0-9\-._~!$&'()*+,;=@]|%[0-9A-F]{2})(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*$/;

describe('SARIF', () => {
  it('the report of examples/ validates against the SARIF 2.1.0 schema, with helpUri for every rule', async () => {
    const dir = site({});
    cpSync(EXAMPLES, join(dir, 'examples'), { recursive: true });
    const r = await cli(dir, 'check', '--offline', '--format', 'sarif', 'examples');
    const sarif = JSON.parse(r.stdout);
    const validate = validator();
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const [run] = sarif.runs;
    expect(run.results.length).toBeGreaterThan(5);
    for (const rule of run.tool.driver.rules) {
      expect(rule.helpUri).toBe(
        `https://github.com/content-gate/content-gate/blob/main/docs/rules.md#${rule.id.replace('/', '-')}`,
      );
      expect(rule.shortDescription.text).not.toMatch(/`|\n/);
    }
    for (const result of run.results) {
      expect(result.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:\d+$/);
      expect(result.partialFingerprints['contentGate/v1']).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('every rule the product ships has a docs link into docs/rules.md', () => {
    const docs = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
    for (const meta of allRuleMetas) {
      const anchor = meta.docsUrl?.split('#')[1];
      expect(anchor, meta.id).toBe(meta.id.replace('/', '-'));
      expect(docs, meta.id).toContain(`<a id="${anchor}"></a>`);
    }
  });

  it('keeps at most 25,000 results, the most severe first, and says how many were left out', () => {
    const findings: EngineFinding[] = [];
    for (let i = 0; i < SARIF_MAX_RESULTS + 5; i++) findings.push(finding(i, 'notice'));
    for (let i = 0; i < 7; i++) findings.push(finding(SARIF_MAX_RESULTS + 5 + i, 'error'));
    const sarif = JSON.parse(formatSarif(findings, allRuleMetas, '0.0.0'));
    const [run] = sarif.runs;
    expect(run.results).toHaveLength(SARIF_MAX_RESULTS);
    expect(run.results.filter((r: { level: string }) => r.level === 'error')).toHaveLength(7);
    expect(run.properties.resultsLeftOut).toBe(12);
    expect(run.properties.note).toBe(
      '12 less severe findings were left out: code scanning keeps at most 25000 results per run.',
    );
    // Still in file order, so the last kept result is an error.
    expect(run.results.at(-1).message.text).toBe(`finding ${SARIF_MAX_RESULTS + 11}`);
    const validate = validator();
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('percent-encodes file names into valid URIs that decode to the same path', () => {
    const names = ['100% done.md', 'café.md', 'my post #1.md', 'a,b:c.md', 'blog/2026/über uns.md'];
    const sarif = JSON.parse(
      formatSarif(
        names.map((n, i) => finding(i, 'error', n)),
        allRuleMetas,
        '0.0.0',
      ),
    );
    const uris = sarif.runs[0].results.map(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0]?.physicalLocation.artifactLocation.uri,
    );
    expect(uris).toEqual([
      '100%25%20done.md',
      'caf%C3%A9.md',
      'my%20post%20%231.md',
      'a%2Cb%3Ac.md',
      'blog/2026/%C3%BCber%20uns.md',
    ]);
    for (const [i, uri] of uris.entries()) {
      expect(uri).toMatch(RELATIVE_PATH_REF);
      expect(decodeURIComponent(new URL(uri, 'file:///repo/').pathname.slice('/repo/'.length))).toBe(
        names[i],
      );
    }
    expect(pathToUri('plain/post.md')).toBe('plain/post.md');
  });
});

describe('paths GitHub places', () => {
  it('--format github and sarif name files from the repository root when run in a subfolder', async () => {
    const dir = site({ 'blog/posts/new-name.md': '# Post\n\nThe date is TBD.\n' });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    mkdirSync(join(dir, 'blog', 'posts'), { recursive: true });
    const sub = join(dir, 'blog');
    const github = await cli(sub, 'check', '--offline', '--format', 'github');
    expect(github.stdout).toMatch(/^::error file=blog\/posts\/new-name\.md,line=3,/);
    const sarif = JSON.parse((await cli(sub, 'check', '--offline', '--format', 'sarif')).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'blog/posts/new-name.md',
    );
    // The JSON report keeps the contract's paths: relative to the folder the command ran in.
    const json = JSON.parse((await cli(sub, 'check', '--offline', '--format', 'json')).stdout);
    expect(json.findings[0].file).toBe('posts/new-name.md');
  });
});
