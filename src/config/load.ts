import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import {
  configSchema,
  normalizeRuleSetting,
  type ParsedConfig,
  type ResolvedConfig,
} from '../core/config.js';
import { type ConfigProblem, UsageError } from '../core/errors.js';
import { nearest } from '../core/nearest.js';
import { isInside, workspaceRootOf } from '../core/paths.js';
import { ruleCategory } from '../core/rule.js';
import { yamlMessage } from '../core/yaml-message.js';

export const CONFIG_NAMES = [
  '.content-gate.yml',
  '.content-gate.yaml',
  '.github/content-gate.yml',
  '.github/content-gate.yaml',
];

/** What config validation needs to know about the rules. */
export interface RuleCatalog {
  ids: readonly string[];
  /** Validates a rule's `options`; undefined when the rule takes none. */
  parseOptions(id: string, raw: unknown): { path: string; message: string }[] | undefined;
}

/** Looks for a config from `cwd` up to the repository root (the folder holding `.git`). */
export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (existsSync(join(dir, '.git'))) return undefined;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** A config file's text and where it came from: the workspace, or a commit (`ref`). */
export interface ConfigSource {
  /** Absolute path the file has (or would have) in the workspace. */
  path: string;
  text: string;
  /** The commit the text was read from; undefined for the workspace's own file. */
  ref?: string;
}

/** A config larger than this is refused before it is parsed (real configs are a few kilobytes). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Loads the config named by `explicit`, or the one `findConfig` finds, or the defaults. Every path
 * the config names must stay inside `root` (the repository).
 */
export function loadConfig(
  cwd: string,
  explicit: string | undefined,
  catalog: RuleCatalog,
  root: string = workspaceRootOf(cwd),
): ResolvedConfig {
  const path = explicit ? resolve(cwd, explicit) : findConfig(cwd);
  if (!path) return validateConfig({}, catalog, cwd, root);
  const shown = relative(cwd, path) || path;
  if (!existsSync(path)) throw new UsageError(`Config file ${shown} does not exist.`);
  let text: string;
  try {
    if (statSync(path).size > MAX_CONFIG_BYTES) throw new UsageError(tooBig(shown));
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`Config file ${shown} cannot be read: ${(error as Error).message}`);
  }
  return parseConfig({ path, text }, cwd, catalog, root);
}

function tooBig(shown: string): string {
  return `Config file ${shown} is larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MB, so it is not read: a config holds settings, not data (put word lists in wordsFiles).`;
}

/** The name a config is shown by: relative to cwd, with the commit it came from. */
export function shownName(source: ConfigSource, cwd: string): string {
  const shown = relative(cwd, source.path) || source.path;
  return source.ref ? `${shown} (at ${source.ref.slice(0, 12)})` : shown;
}

/** Parses and validates a config's text; problems come located at their line in the file. */
export function parseConfig(
  source: ConfigSource,
  cwd: string,
  catalog: RuleCatalog,
  root: string = workspaceRootOf(cwd),
): ResolvedConfig {
  const { path, text } = source;
  const shown = shownName(source, cwd);
  if (Buffer.byteLength(text) > MAX_CONFIG_BYTES) throw new UsageError(tooBig(shown));
  const doc = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => ({
      key: '',
      message: yamlMessage(e.message),
      line: e.linePos?.[0]?.line,
      column: e.linePos?.[0]?.col,
    }));
    throw new UsageError(`Config file ${shown} is not valid YAML.`, problems, shown);
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    // The yaml package stops an alias bomb (billion laughs) here, before it grows.
    throw new UsageError(`Config file ${shown} is not valid YAML: ${(error as Error).message}.`);
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UsageError(`Config file ${shown} must be a mapping of keys such as include, rules and links.`);
  }
  try {
    return { ...validateConfig(raw, catalog, dirname(path), root), path };
  } catch (error) {
    if (error instanceof UsageError) {
      const located = error.problems
        .map((p) => ({ ...p, ...locateKey(doc, text, p.key) }))
        .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
      throw new UsageError(`Config file ${shown} is invalid:`, located, shown);
    }
    throw error;
  }
}

/** Validates a config object, reporting every problem at once. */
export function validateConfig(
  raw: unknown,
  catalog: RuleCatalog,
  baseDir: string,
  root?: string,
): ResolvedConfig {
  const result = configSchema.safeParse(raw, { reportInput: true });
  const problems: ConfigProblem[] = result.success ? [] : result.error.issues.flatMap(describeIssue);
  if (result.success) problems.push(...checkRules(result.data.rules, catalog));
  if (result.success && root) problems.push(...pathsOutside(result.data, baseDir, root));
  if (problems.length > 0 || !result.success) throw new UsageError('The config is invalid:', problems);
  return { ...result.data, baseDir };
}

/**
 * Config keys that name files or folders, with their values. A config comes with the change it
 * gates, so none of them may lead out of the repository (`../../x`, an absolute path, a symlink).
 */
export function configPaths(config: ParsedConfig): { key: string; path: string }[] {
  return [
    { key: 'siteRoot', path: config.siteRoot },
    ...config.wordsFiles.map((path, i) => ({ key: `wordsFiles.${i}`, path })),
    { key: 'links.cacheFile', path: config.links.cacheFile },
  ];
}

function pathsOutside(config: ParsedConfig, baseDir: string, root: string): ConfigProblem[] {
  return configPaths(config)
    .filter(({ path }) => !isInside(root, resolve(baseDir, path)))
    .map(({ key, path }) => ({
      key,
      message: `"${path}" leads outside the repository; name a path inside it (relative to the config's folder)`,
    }));
}

function checkRules(rules: Record<string, unknown>, catalog: RuleCatalog): ConfigProblem[] {
  const categories = new Set(catalog.ids.map(ruleCategory));
  const known = [...catalog.ids, ...categories];
  const problems: ConfigProblem[] = [];
  for (const [id, value] of Object.entries(rules)) {
    if (!catalog.ids.includes(id) && !categories.has(id)) {
      const hint = nearest(id, known);
      problems.push({
        key: `rules.${id}`,
        message: `unknown rule or category${hint ? `; did you mean "${hint}"?` : ''}`,
      });
      continue;
    }
    const setting = normalizeRuleSetting(value as never);
    if (setting.options === undefined) continue;
    const errors = catalog.parseOptions(id, setting.options);
    if (errors === undefined) {
      problems.push({ key: `rules.${id}.options`, message: 'this rule takes no options' });
    } else {
      for (const e of errors)
        problems.push({ key: `rules.${id}.options${e.path ? `.${e.path}` : ''}`, message: e.message });
    }
  }
  return problems;
}

const ALLOWED_KEYS: Record<string, readonly string[]> = {
  '': Object.keys(configSchema.shape),
  organization: ['name', 'domains', 'phones', 'fundraising'],
  links: Object.keys(configSchema.shape.links.unwrap().shape),
};

function describeIssue(issue: z.core.$ZodIssue): ConfigProblem[] {
  const key = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => {
        const hint = nearest(k, ALLOWED_KEYS[key] ?? []);
        return {
          key: key ? `${key}.${k}` : k,
          message: `unknown key${hint ? `; did you mean "${hint}"?` : ''}`,
        };
      });
    case 'invalid_value':
      return [
        { key, message: `expected one of ${issue.values.join(', ')}, got ${JSON.stringify(issue.input)}` },
      ];
    case 'invalid_type':
      return [{ key, message: `expected ${article(issue.expected)}, got ${typeName(issue.input)}` }];
    case 'invalid_union': {
      if (key.startsWith('rules.')) {
        return [
          {
            key,
            message: `expected one of off, notice, warning, error, or { severity, options }, got ${JSON.stringify(issue.input)}`,
          },
        ];
      }
      const first = issue.errors[0]?.[0];
      return first
        ? describeIssue({ ...first, path: [...issue.path, ...first.path] } as z.core.$ZodIssue)
        : [];
    }
    case 'too_small':
    case 'too_big':
      return [
        {
          key,
          message: `${issue.message.replace(/^Too (small|big): /, '')}, got ${JSON.stringify(issue.input)}`,
        },
      ];
    default:
      return [{ key, message: issue.message }];
  }
}

function article(expected: string): string {
  const name = expected === 'array' ? 'list' : expected === 'object' ? 'mapping' : expected;
  return /^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`;
}

function typeName(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Line and column of a dotted key in the YAML source (the deepest part that exists). */
export function locateKey(
  doc: YAML.Document.Parsed,
  text: string,
  key: string,
): { line?: number; column?: number } {
  const parts = key ? key.split('.') : [];
  // Rule ids contain a slash but no dots; re-join "rules.<id>" parts that a dot split apart.
  for (let n = parts.length; n > 0; n--) {
    const path = parts.slice(0, n).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const node = findKeyNode(doc, path);
    if (node?.range) {
      const offset = node.range[0];
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      return { line, column: offset - before.lastIndexOf('\n') };
    }
  }
  return {};
}

function findKeyNode(
  doc: YAML.Document.Parsed,
  path: (string | number)[],
): { range?: [number, number, number] } | undefined {
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
  if (YAML.isMap(parent)) {
    const pair = parent.items.find((item) => YAML.isScalar(item.key) && item.key.value === last);
    return (pair?.key as { range?: [number, number, number] } | undefined) ?? undefined;
  }
  if (YAML.isSeq(parent) && typeof last === 'number') {
    return parent.items[last] as { range?: [number, number, number] } | undefined;
  }
  return undefined;
}
