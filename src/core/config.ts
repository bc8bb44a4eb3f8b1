import { z } from 'zod';
import { ENGLISH_DIALECTS, type Severity, type SeverityOrOff } from './types.js';

const severityOrOff = z.enum(['off', 'notice', 'warning', 'error']);

/** `rules` values: a severity, or `{ severity, options }`. */
const ruleSetting = z.union([
  severityOrOff,
  z.strictObject({ severity: severityOrOff.optional(), options: z.unknown().optional() }),
]);

const hours = z.number().positive();

/**
 * The one schema of `.content-gate.yml`: the source of the config's types, its validation
 * messages and the JSON Schema that editors autocomplete from (`npm run schema`).
 */
export const configSchema = z.strictObject({
  include: z.array(z.string()).default(['**/*.md', '**/*.markdown']).describe('Globs of the files to check.'),
  exclude: z
    .array(z.string())
    .default([])
    .describe('Globs to leave out (node_modules and .gitignored files always are).'),
  siteRoot: z
    .string()
    .default('.')
    .describe('Folder that root-relative links like /assets/x.jpg resolve against.'),
  rules: z
    .record(z.string(), ruleSetting)
    .default({})
    .describe('Rule id or category to a severity (off, notice, warning, error) or { severity, options }.'),
  language: z
    .enum(ENGLISH_DIALECTS)
    .default('en-US')
    .describe(
      'The English the site is written in (en-US, en-GB, en-CA, en-AU): spelling and grammar follow it.',
    ),
  words: z.array(z.string()).default([]).describe('Extra words the spelling check accepts.'),
  wordsFiles: z.array(z.string()).default([]).describe('Files of extra words, one per line, # for comments.'),
  ownedMedia: z
    .array(z.string())
    .default([])
    .describe("Path globs and hosts of the library's own media, which need no credit."),
  organization: z
    .strictObject({
      name: z.string().optional(),
      domains: z.array(z.string()).default([]),
      phones: z.array(z.string()).default([]),
      fundraising: z.array(z.string()).default([]),
    })
    .default({ domains: [], phones: [], fundraising: [] })
    .describe("The library's own public contacts and its foundation or Friends."),
  suppressions: z
    .enum(['allow', 'require-reason', 'deny'])
    .default('require-reason')
    .describe(
      'Which suppression comments a change may add: allow, require-reason (a reason after "--"), or deny. Suppressions already on the base branch keep working.',
    ),
  spokespeople: z.array(z.string()).default([]).describe('Authors who may speak for the library.'),
  corrections: z
    .strictObject({
      afterDays: z
        .number()
        .int()
        .min(0)
        .default(7)
        .describe(
          'A post published more than this many days ago needs a correction note when a change alters its facts.',
        ),
    })
    .default({ afterDays: 7 })
    .describe('content/correction-note: when an edited post must say what changed.'),
  links: z
    .strictObject({
      skip: z
        .array(z.string())
        .default([])
        .describe('URL patterns (regular expressions or globs) not to check.'),
      timeout: z.number().int().positive().default(10_000).describe('Milliseconds per request.'),
      concurrency: z.number().int().positive().default(16),
      perHostConcurrency: z.number().int().positive().default(2),
      retries: z.number().int().min(0).default(2),
      allowPrivate: z.boolean().default(false).describe('Allow requests to loopback and private addresses.'),
      cacheFile: z.string().default('.content-gate/link-cache.json'),
      cacheTtl: z
        .union([hours, z.strictObject({ ok: hours.default(24), failure: hours.default(1) })])
        .default({ ok: 24, failure: 1 })
        .describe('Hours a result is reused: a number for working links, or { ok, failure }.'),
      rotAfter: z.number().int().positive().default(2),
      rotMinHours: z.number().min(0).default(20),
    })
    .default({
      skip: [],
      timeout: 10_000,
      concurrency: 16,
      perHostConcurrency: 2,
      retries: 2,
      allowPrivate: false,
      cacheFile: '.content-gate/link-cache.json',
      cacheTtl: { ok: 24, failure: 1 },
      rotAfter: 2,
      rotMinHours: 20,
    }),
});

export type ConfigInput = z.input<typeof configSchema>;
export type ParsedConfig = z.output<typeof configSchema>;

export interface RuleSetting {
  severity?: SeverityOrOff;
  options?: unknown;
}

/** The config after validation, with the folder it was found in. */
export interface ResolvedConfig extends ParsedConfig {
  /** Absolute path of the config file, if one was found. */
  path?: string;
  /** Folder relative paths in the config resolve against. */
  baseDir: string;
}

export function normalizeRuleSetting(value: ParsedConfig['rules'][string]): RuleSetting {
  return typeof value === 'string' ? { severity: value } : value;
}

export type { Severity };
