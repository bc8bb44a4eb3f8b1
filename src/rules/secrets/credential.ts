import { extname } from 'node:path';
import type { Code } from 'mdast';
import type { Document } from '../../core/document.js';
import type { Rule, RuleReport } from '../../core/rule.js';
import type { Severity } from '../../core/types.js';
import {
  disclosureVerbs,
  helpTextWords,
  placeholderValues,
  prefixedTokenShape,
  privateKeyHeaders,
  secretKeyNames,
  secretlintKinds,
  secretNouns,
  secretQueryParameters,
  sharedAccessCues,
} from '../../lexicons/secrets.js';
import { anyOf, around, withoutOverlaps } from '../shared/context.js';
import { maskSecret } from '../shared/masking.js';
import { POLICY } from '../shared/policy.js';

type LintSource = typeof import('@secretlint/core').lintSource;
type SecretLintConfig = Parameters<LintSource>[0]['options']['config'];

interface State {
  lintSource: LintSource;
  config: SecretLintConfig;
}

/** "the Wi-Fi admin password is Library2024!": a secret's name, a few words, a verb, a value. */
const DISCLOSURE = new RegExp(
  `\\b(?:${secretNouns.join('|')})\\b(?:\\s+(?:for|to|of|on)\\s+(?:[\\w.'’-]+\\s+){0,4}?[\\w.'’-]+)?\\s*(?:${disclosureVerbs.join('|')})\\s*(?<mark>[*\`"'“‘]*)(?<value>[^\\s\`"'”’*<>]{3,64})`,
  'gi',
);
/** "password pages2025": no verb, so only a value that mixes letters and digits counts. */
const BARE_DISCLOSURE = new RegExp(
  `\\b(?:${secretNouns.join('|')})\\s+(?<value>(?=[^\\s]*\\d)(?=[^\\s]*[A-Za-z])[^\\s\`"'”’*<>]{4,64})`,
  'gi',
);
/** `API_KEY = "..."`, `password: ...` in code and configuration. */
const ASSIGNMENT = new RegExp(
  `(?<![\\w-])(?:${secretKeyNames.join('|')})["']?\\s*(?:=>|:=|[:=])\\s*(?<mark>["'\`]?)(?<value>[^\\s"'\`,;)}\\]]{8,200})`,
  'gi',
);
const QUERY_CREDENTIAL = new RegExp(
  `[?&](?:${secretQueryParameters.join('|')})=(?<value>[^&\\s#)"'<>\\]]{6,})`,
  'gi',
);
const PRIVATE_KEY = new RegExp(privateKeyHeaders.join('|'), 'g');
const PREFIXED_TOKEN = new RegExp(prefixedTokenShape, 'g');
/** Code block languages that secretlint checks as files of their own kind. */
const CODE_EXTENSIONS: Record<string, string> = { json: '.json', yaml: '.yaml', yml: '.yml' };
const SHARED_ACCESS = anyOf(sharedAccessCues);
const HELP_WORDS = new Set(helpTextWords);
const PLACEHOLDER = new RegExp(`^(?:${placeholderValues.join('|')})$`, 'i');
/** A number followed by one of these is a length ("8 characters"), not a PIN. */
const LENGTH_UNIT = /^\s*(?:digits?|characters?|chars?|letters?|numbers?|symbols?|or more|long|minimum)\b/i;

export const credentialRule: Rule<State> = {
  meta: {
    id: 'secrets/credential',
    policy: POLICY.accessControls.section,
    clause: POLICY.accessControls.text,
    defaultSeverity: 'error',
    description:
      'Passwords, PINs and door codes given in words, API keys and tokens (secretlint\'s recommended rules: GitHub, AWS, Slack, npm, OpenAI...), private keys, and user names with passwords in web addresses, in prose and in code blocks alike. Help text such as "reset your password at the desk" is left alone.',
    severityReason:
      'A working credential in a public post must be revoked, whoever reads it: error. A guest Wi-Fi code or a default PIN given to every patron is a warning, since the library may publish it on purpose.',
  },
  async setup() {
    const [{ lintSource }, { creator }, { secretLintProfiler }] = await Promise.all([
      import('@secretlint/core'),
      import('@secretlint/secretlint-rule-preset-recommend'),
      import('@secretlint/profiler'),
    ]);
    silenceTimings(secretLintProfiler);
    return {
      lintSource,
      config: {
        rules: [
          {
            id: '@secretlint/secretlint-rule-preset-recommend',
            rule: creator,
            // An AWS access key id alone is off by default; in a public post it is worth a look too.
            rules: [{ id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } }],
          },
        ],
      },
    };
  },
  async check(doc, ctx) {
    const { source } = doc;
    const found: RuleReport[] = [];
    for (const part of secretlintInputs(doc)) {
      const result = await ctx.state.lintSource({
        // secretlint names its timing marks after the path: a newline in a file name breaks them.
        source: { content: part.text, filePath: plainName(doc.file), ext: part.ext, contentType: 'text' },
        options: { config: ctx.state.config, maskSecrets: true, noPhysicFilePath: true },
      });
      for (const message of result.messages) {
        if (message.type !== 'message') continue;
        const start = part.offset + message.range[0];
        const end = part.offset + message.range[1];
        const kind = secretlintKinds[message.ruleId] ?? 'an access token';
        found.push(tokenFinding(start, end, kind, maskSecret(source.slice(start, end), true)));
      }
    }
    found.push(
      ...disclosures(source),
      ...assignments(source),
      ...queryCredentials(source),
      ...privateKeys(source),
      ...prefixedTokens(source),
    );
    for (const report of withoutOverlaps(found)) ctx.report(report);
  },
};

/**
 * What secretlint reads: the whole file, and each JSON or YAML code block on its own, since some
 * of its checks (a cloud service account key) only look inside files of that kind.
 */
function secretlintInputs(doc: Document): { text: string; offset: number; ext: string }[] {
  const inputs = [{ text: doc.source, offset: 0, ext: extname(doc.file) || '.md' }];
  for (const code of doc.nodes<Code>('code')) {
    const ext = CODE_EXTENSIONS[(code.lang ?? '').toLowerCase()];
    const from = code.position?.start.offset;
    if (!ext || from === undefined) continue;
    const offset = doc.source.indexOf(code.value, from);
    if (offset !== -1 && code.value.trim()) inputs.push({ text: code.value, offset, ext });
  }
  return inputs;
}

function tokenFinding(start: number, end: number, kind: string, masked: string): RuleReport {
  return {
    start,
    end,
    message: `This is ${kind} (${masked}). Anyone who reads the post or the repository's history can use it: revoke or change it now, then remove it from the post.`,
  };
}

function disclosures(source: string): RuleReport[] {
  const out: RuleReport[] = [];
  const matches = [...source.matchAll(DISCLOSURE), ...source.matchAll(BARE_DISCLOSURE)];
  for (const m of matches) {
    const value = trimValue(m.groups?.value ?? '');
    const marked = (m.groups?.mark ?? '') !== '';
    const end = (m.index ?? 0) + m[0].length - (m.groups?.value ?? '').length + value.length;
    const start = end - value.length;
    if (!isDisclosedValue(value, marked, source.slice(end, end + 20))) continue;
    const { before } = around(source, m.index ?? 0, start);
    const severity: Severity = SHARED_ACCESS.test(`${before} ${m[0]}`) ? 'warning' : 'error';
    const message =
      severity === 'error'
        ? `A password or access code is written out here (${maskSecret(value)}). Change it now, since this post is public, and share codes with staff in person or through a password manager.`
        : `A shared access code is written out here (${maskSecret(value)}). If the library means to publish it, suppress this finding; otherwise remove it and change the code.`;
    out.push({
      start,
      end,
      message: message,
      ...(severity === 'error' ? {} : { severity }),
    });
  }
  return out;
}

function assignments(source: string): RuleReport[] {
  const out: RuleReport[] = [];
  for (const m of source.matchAll(ASSIGNMENT)) {
    const value = trimValue(m.groups?.value ?? '');
    // A web address is not itself a secret; one with a password in it is found as such.
    if (!looksRandom(value) || PLACEHOLDER.test(value) || value.includes('://')) continue;
    const end = (m.index ?? 0) + m[0].length - (m.groups?.value ?? '').length + value.length;
    out.push(
      tokenFinding(end - value.length, end, 'a secret value set in code or configuration', maskSecret(value)),
    );
  }
  return out;
}

function queryCredentials(source: string): RuleReport[] {
  const out: RuleReport[] = [];
  for (const m of source.matchAll(QUERY_CREDENTIAL)) {
    const value = m.groups?.value ?? '';
    if (PLACEHOLDER.test(value) || !/\d/.test(value) || !/[A-Za-z]/.test(value)) continue;
    const end = (m.index ?? 0) + m[0].length;
    out.push(
      tokenFinding(
        end - value.length,
        end,
        'a key or password written into a web address',
        maskSecret(value),
      ),
    );
  }
  return out;
}

function privateKeys(source: string): RuleReport[] {
  return [...source.matchAll(PRIVATE_KEY)].map((m) =>
    tokenFinding(m.index ?? 0, (m.index ?? 0) + m[0].length, 'a private key', maskSecret(m[0])),
  );
}

/**
 * A token of a service secretlint's recommended rules do not cover, found by its shape. The shape
 * is a guess (a long identifier can look the same), so it is a warning.
 */
function prefixedTokens(source: string): RuleReport[] {
  const out: RuleReport[] = [];
  for (const m of source.matchAll(PREFIXED_TOKEN)) {
    if (PLACEHOLDER.test(m[0]) || !isRandomTail(m.groups?.tail ?? '')) continue;
    const start = m.index ?? 0;
    const report = tokenFinding(
      start,
      start + m[0].length,
      'what looks like an access token',
      maskSecret(m[0], true),
    );
    out.push({ ...report, severity: 'warning' });
  }
  return out;
}

/**
 * The random part of a token: mixed case with digits, many different characters, and at most one
 * separator (an identifier such as `file_name_With_Version_2024` has several).
 */
function isRandomTail(tail: string): boolean {
  const count = (r: RegExp) => (tail.match(r) ?? []).length;
  return (
    tail.length >= 20 &&
    count(/[_-]/g) <= 1 &&
    count(/\d/g) >= 2 &&
    count(/[A-Z]/g) >= 2 &&
    count(/[a-z]/g) >= 2 &&
    new Set(tail).size >= 12
  );
}

/** Sentence punctuation after a value is not part of it. */
function trimValue(value: string): string {
  return value.replace(/[.,;:)\]}]+$/, '');
}

/**
 * A value disclosed in words: a code that contains a digit or a symbol, mixes case, or that the
 * author set off in quotes, code or bold. Plain words ("required", "printed") are help text.
 */
function isDisclosedValue(value: string, marked: boolean, after: string): boolean {
  if (value.length < 3 || HELP_WORDS.has(value.toLowerCase()) || PLACEHOLDER.test(value)) return false;
  if (/^\d+$/.test(value)) return value.length >= 4 && !LENGTH_UNIT.test(after);
  const coded = /\d/.test(value) || /[^A-Za-z0-9-]/.test(value) || /[a-z][A-Z]/.test(value);
  return marked || coded;
}

/** A configured secret: long enough, letters with digits or symbols, not one repeated character. */
function looksRandom(value: string): boolean {
  if (value.length < 8 || new Set(value).size < 5) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(value)).length;
  return classes >= 3 || (classes === 2 && /\d/.test(value) && value.length >= 16);
}

/** The file name without control characters (which secretlint's profiler cannot take). */
function plainName(file: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
  return file.replace(/[\u0000-\u001f\u007f]/g, '_');
}

/**
 * secretlint 11 records two timing marks per rule per file whether or not anyone asks, and its
 * observer then compares each mark with every one before it: over a 2,000-post site that was more
 * than half of the run. Nobody reads those timings here, so marking is switched off, as secretlint
 * 13 does unless `--profile` is given (13 needs Node 22).
 */
function silenceTimings(profiler: { mark(marker: unknown): void }): void {
  profiler.mark = () => {};
}
