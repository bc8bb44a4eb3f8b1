import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { validateConfig } from '../../src/config/load.js';
import type { ConfigInput } from '../../src/core/config.js';
import { Document } from '../../src/core/document.js';
import { Engine } from '../../src/core/engine.js';
import type { Rule, RunContext } from '../../src/core/rule.js';
import type { EngineFinding, SeverityOrOff } from '../../src/core/types.js';
import { ruleCatalog } from '../../src/pipeline/run.js';
import { allRules } from '../../src/rules/index.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export interface CheckOptions {
  file?: string;
  config?: ConfigInput;
  rules?: readonly Rule[];
  overrides?: Record<string, SeverityOrOff>;
  cwd?: string;
  offline?: boolean;
  /** Engine test mode (default on): a position outside the file is a rule error, not clamped. */
  strictPositions?: boolean;
}

/** Runs the engine over Markdown texts exactly as a run does, without touching the disk. */
export async function checkMarkdown(
  sources: Record<string, string> | string,
  options: CheckOptions = {},
): Promise<EngineFinding[]> {
  const files = typeof sources === 'string' ? { [options.file ?? 'post.md']: sources } : sources;
  const rules = options.rules ?? allRules;
  const cwd = options.cwd ?? FIXTURES;
  const config = validateConfig(options.config ?? {}, ruleCatalog(rules), cwd);
  const run: RunContext = {
    config,
    cwd,
    offline: options.offline ?? true,
    mode: 'check',
    files: Object.keys(files),
    options: (id) => {
      const v = config.rules[id];
      return typeof v === 'object' ? v.options : undefined;
    },
    isEnabled: (id) => engine.severityOf(id) !== 'off',
    warn: () => {},
  };
  const configRules = Object.fromEntries(
    Object.entries(config.rules).map(([k, v]) => [k, typeof v === 'string' ? { severity: v } : v]),
  );
  const engine = new Engine({
    rules,
    run,
    severities: { cli: options.overrides ?? {}, config: configRules },
    strictPositions: options.strictPositions ?? true,
  });
  await engine.setup();
  for (const [file, text] of Object.entries(files))
    await engine.check(new Document(file, join(cwd, file), text));
  return engine.finish();
}

/** `rule line:col severity` triples, the form expectations are written in. */
export function brief(findings: readonly EngineFinding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.severity}`);
}

/**
 * Expectations written inside a fixture: `<!-- expect: RULE LINE:COL [SEVERITY] -->`, several
 * separated by `;`. A fixture with none must raise nothing for the rule under test.
 */
export function expectationsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/<!--\s*expect:([\s\S]*?)-->/g)) {
    for (const part of (m[1] ?? '').split(';')) {
      const [rule, at, severity] = part.trim().split(/\s+/);
      if (rule && at) out.push(`${rule} ${at} ${severity ?? 'error'}`);
    }
  }
  return out.sort();
}

export interface Fixture {
  name: string;
  path: string;
  text: string;
}

/** The fixtures of one rule folder, `ok-*.md` and `bad-*.md`. */
export function fixturesOf(ruleFolder: string): Fixture[] {
  const dir = join(FIXTURES, 'rules', ruleFolder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((name) => ({
      name,
      path: relative(FIXTURES, join(dir, name)),
      text: readFileSync(join(dir, name), 'utf8'),
    }));
}

/** Findings of the given ids (or categories) only, in `brief` form, sorted. */
export function briefFor(findings: readonly EngineFinding[], ids: readonly string[]): string[] {
  return brief(findings.filter((f) => ids.some((id) => f.ruleId === id || f.category === id))).sort();
}
