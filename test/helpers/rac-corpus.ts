import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineFinding } from '../../src/core/types.js';
import { checkMarkdown } from './rule-tester.js';

const repoRoot = join(import.meta.dirname, '..', '..');

/** The Rockefeller Archive Center's Jekyll blog, kept outside the project (see its SOURCE.txt). */
export const RAC_POSTS = join(repoRoot, '..', 'shared', 'corpora', 'rac-bits-and-bytes', '_posts');

export const ATTRIBUTION_RULE_IDS = [
  'attribution/quote-source',
  'attribution/media-credit',
  'accessibility/alt-text',
  'prohibited/copyright',
] as const;

/** The archive's own images live under /assets/img and on its rockarch.org hosts. */
export const RAC_CONFIG = { ownedMedia: ['/assets/img/**', 'rockarch.org'] };

export async function checkRacCorpus(): Promise<{ findings: EngineFinding[]; files: number }> {
  if (!existsSync(RAC_POSTS)) return { findings: [], files: 0 };
  const sources: Record<string, string> = {};
  for (const name of readdirSync(RAC_POSTS)
    .filter((f) => f.endsWith('.md'))
    .sort())
    sources[`_posts/${name}`] = readFileSync(join(RAC_POSTS, name), 'utf8');
  const findings = await checkMarkdown(sources, { config: RAC_CONFIG, cwd: join(RAC_POSTS, '..') });
  return {
    findings: findings.filter((f) => (ATTRIBUTION_RULE_IDS as readonly string[]).includes(f.ruleId)),
    files: Object.keys(sources).length,
  };
}
