import { normalizeRuleSetting, type ParsedConfig, type RuleSetting } from '../core/config.js';
import { ruleCategory } from '../core/rule.js';
import { resolveSeverity } from '../core/severity.js';
import { SEVERITY_RANK, type Severity, type SeverityOrOff } from '../core/types.js';

/** One effect of a config change, in words, and the key of the new config it comes from. */
export interface ConfigEffect {
  key: string;
  says: string;
}

interface RuleDefault {
  id: string;
  defaultSeverity: Severity;
}

/**
 * What merging `head` in place of `base` would change, in plain words, the weakening first: rules
 * turned off or lowered, private addresses allowed, files and links no longer checked.
 */
export function describeConfigChange(
  base: ParsedConfig,
  head: ParsedConfig,
  rules: readonly RuleDefault[],
): ConfigEffect[] {
  const weaker: ConfigEffect[] = [...ruleEffects(base, head, rules)];
  const other: ConfigEffect[] = [];
  if (!base.links.allowPrivate && head.links.allowPrivate) {
    weaker.push({ key: 'links.allowPrivate', says: 'allows requests to private and loopback addresses' });
  }
  if (STRICTNESS[head.suppressions] < STRICTNESS[base.suppressions]) {
    weaker.push({
      key: 'suppressions',
      says: `lets suppressions count ${SUPPRESSION_WORDS[head.suppressions]} (now ${SUPPRESSION_WORDS[base.suppressions]})`,
    });
  } else if (head.suppressions !== base.suppressions) {
    other.push({
      key: 'suppressions',
      says: `lets suppressions count ${SUPPRESSION_WORDS[head.suppressions]}`,
    });
  }
  listEffect(weaker, 'exclude', base.exclude, head.exclude, 'stops checking files matching');
  listEffect(weaker, 'links.skip', base.links.skip, head.links.skip, 'stops checking links matching');
  listEffect(weaker, 'ownedMedia', base.ownedMedia, head.ownedMedia, 'needs no credit for media at');
  listEffect(weaker, 'spokespeople', base.spokespeople, head.spokespeople, 'lets speak for the library:');
  listEffect(
    weaker,
    'organization.fundraising',
    base.organization.fundraising,
    head.organization.fundraising,
    'treats as the library’s own fundraising:',
  );
  listEffect(weaker, 'words', base.words, head.words, 'accepts the spelling of');
  listEffect(weaker, 'wordsFiles', base.wordsFiles, head.wordsFiles, 'accepts the words in');
  const removedIncludes = head.include.filter((g) => !base.include.includes(g)).length > 0;
  if (removedIncludes || base.include.some((g) => !head.include.includes(g))) {
    other.push({ key: 'include', says: `changes which files are checked to ${quoted(head.include)}` });
  }
  for (const key of ['siteRoot', 'language'] as const) {
    if (base[key] !== head[key]) other.push({ key, says: `changes ${key} to "${head[key]}"` });
  }
  for (const key of leafKeys(head)) {
    if (HANDLED.has(key) || key.startsWith('rules')) continue;
    if (JSON.stringify(valueAt(base, key)) !== JSON.stringify(valueAt(head, key))) {
      other.push({ key, says: `changes ${key}` });
    }
  }
  return [...weaker, ...other];
}

const STRICTNESS = { allow: 0, 'require-reason': 1, deny: 2 } as const;
const SUPPRESSION_WORDS = {
  allow: 'with or without a reason',
  'require-reason': 'only with a reason',
  deny: 'never',
} as const;

/** Keys the effects above describe in words; any other change is named by its key. */
const HANDLED = new Set([
  'links.allowPrivate',
  'suppressions',
  'exclude',
  'links.skip',
  'ownedMedia',
  'spokespeople',
  'organization.fundraising',
  'words',
  'wordsFiles',
  'include',
  'siteRoot',
  'language',
]);

/** Top-level keys, and the keys inside `links` and `organization`. */
function leafKeys(config: ParsedConfig): string[] {
  return Object.entries(config).flatMap(([key, value]) =>
    key === 'links' || key === 'organization'
      ? Object.keys(value as object).map((sub) => `${key}.${sub}`)
      : [key],
  );
}

function valueAt(config: ParsedConfig, key: string): unknown {
  let value: unknown = config;
  for (const part of key.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  return value;
}

function ruleEffects(base: ParsedConfig, head: ParsedConfig, rules: readonly RuleDefault[]): ConfigEffect[] {
  const table = (config: ParsedConfig) => {
    const settings: Record<string, RuleSetting> = {};
    for (const [id, value] of Object.entries(config.rules)) settings[id] = normalizeRuleSetting(value);
    return { cli: {}, config: settings };
  };
  const before = table(base);
  const after = table(head);
  const changes = rules.map((r) => ({
    id: r.id,
    from: resolveSeverity(r.id, r.defaultSeverity, before),
    to: resolveSeverity(r.id, r.defaultSeverity, after),
    options: JSON.stringify(before.config[r.id]?.options) !== JSON.stringify(after.config[r.id]?.options),
  }));
  const effects: ConfigEffect[] = [];
  // A whole category changed the same way is said once ("turns prohibited off").
  const byCategory = new Map<string, typeof changes>();
  for (const c of changes) {
    const list = byCategory.get(ruleCategory(c.id)) ?? [];
    list.push(c);
    byCategory.set(ruleCategory(c.id), list);
  }
  for (const [category, list] of byCategory) {
    const moved = list.filter((c) => c.from !== c.to);
    const allTo = moved[0]?.to;
    if (list.length > 1 && moved.length === list.length && moved.every((c) => c.to === allTo)) {
      const says = allTo === 'off' ? `turns ${category} off` : `sets every ${category} rule to ${allTo}`;
      effects.push({ key: ruleKey(head, category), says });
    } else {
      for (const c of moved)
        effects.push({ key: ruleKey(head, c.id), says: severityChange(c.id, c.from, c.to) });
    }
    for (const c of list) {
      if (c.options) effects.push({ key: `rules.${c.id}`, says: `changes the options of ${c.id}` });
    }
  }
  return effects.sort((a, b) => weakening(b.says) - weakening(a.says));
}

function weakening(says: string): number {
  return /^(turns .* off|lowers)/.test(says) ? 1 : 0;
}

function severityChange(id: string, from: SeverityOrOff, to: SeverityOrOff): string {
  if (to === 'off') return `turns ${id} off`;
  if (from === 'off') return `turns ${id} on (${to})`;
  return SEVERITY_RANK[to] < SEVERITY_RANK[from]
    ? `lowers ${id} from ${from} to ${to}`
    : `raises ${id} from ${from} to ${to}`;
}

/** The config key a rule's setting lives under in the new config (the id, else its category). */
function ruleKey(head: ParsedConfig, id: string): string {
  if (id in head.rules) return `rules.${id}`;
  const category = ruleCategory(id);
  return category in head.rules ? `rules.${category}` : 'rules';
}

function listEffect(
  out: ConfigEffect[],
  key: string,
  before: readonly string[],
  after: readonly string[],
  says: string,
): void {
  const added = after.filter((v) => !before.includes(v));
  if (added.length > 0) out.push({ key, says: `${says} ${quoted(added)}` });
}

function quoted(values: readonly string[]): string {
  const shown = values.slice(0, 3).map((v) => `"${v.length > 40 ? `${v.slice(0, 39)}…` : v}"`);
  return values.length > 3 ? `${shown.join(', ')} and ${values.length - 3} more` : shown.join(', ');
}
