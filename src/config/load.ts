import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { nearest } from '../core/nearest.js';
import { ruleCategory } from '../core/rule.js';
import { yamlMessage } from '../core/yaml-message.js';
import { type ConfigProblem, UsageError } from './errors.js';
import { configSchema, normalizeRuleSetting, type ResolvedConfig } from './schema.js';

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

export function loadConfig(cwd: string, explicit: string | undefined, catalog: RuleCatalog): ResolvedConfig {
  const path = explicit ? resolve(cwd, explicit) : findConfig(cwd);
  if (!path) return validateConfig({}, catalog, cwd);
  const shown = relative(cwd, path) || path;
  if (!existsSync(path)) throw new UsageError(`Config file ${shown} does not exist.`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Config file ${shown} cannot be read: ${(error as Error).message}`);
  }
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
  const raw = doc.toJS() ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UsageError(`Config file ${shown} must be a mapping of keys such as include, rules and links.`);
  }
  try {
    return { ...validateConfig(raw, catalog, dirname(path)), path };
  } catch (error) {
    if (error instanceof UsageError) {
      const located = error.problems
        .map((p) => ({ ...p, ...locate(doc, text, p.key) }))
        .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
      throw new UsageError(`Config file ${shown} is invalid:`, located, shown);
    }
    throw error;
  }
}

/** Validates a config object, reporting every problem at once. */
export function validateConfig(raw: unknown, catalog: RuleCatalog, baseDir: string): ResolvedConfig {
  const result = configSchema.safeParse(raw, { reportInput: true });
  const problems: ConfigProblem[] = result.success ? [] : result.error.issues.flatMap(describeIssue);
  if (result.success) problems.push(...checkRules(result.data.rules, catalog));
  if (problems.length > 0 || !result.success) throw new UsageError('The config is invalid:', problems);
  return { ...result.data, baseDir };
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
function locate(doc: YAML.Document.Parsed, text: string, key: string): { line?: number; column?: number } {
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
