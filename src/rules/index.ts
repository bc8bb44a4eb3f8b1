import { ENGINE_RULES } from '../core/engine.js';
import { metasOf, type Rule, type RuleMeta, withDocsUrl } from '../core/rule.js';
import { accessibilityRules } from './accessibility/index.js';
import { attributionRules } from './attribution/index.js';
import { conductRules } from './conduct/index.js';
import { confidentialRules } from './confidential/index.js';
import { contentRules } from './content/index.js';
import { grammarRules } from './grammar/index.js';
import { linksRules } from './links/index.js';
import { privacyRules } from './privacy/index.js';
import { prohibitedRules } from './prohibited/index.js';
import { secretsRules } from './secrets/index.js';
import { spellingRules } from './spelling/index.js';

/** Every rule the product ships; each category's index lists its rules. */
export const allRules: readonly Rule[] = [
  ...contentRules,
  ...confidentialRules,
  ...attributionRules,
  ...accessibilityRules,
  ...linksRules,
  ...spellingRules,
  ...grammarRules,
  ...prohibitedRules,
  ...privacyRules,
  ...secretsRules,
  ...conductRules,
] as readonly Rule[];

/** What every id the product reports means: the engine's own and each rule's, docs links included. */
export function ruleMetas(rules: readonly Rule[] = allRules): RuleMeta[] {
  return [...metasOf(rules), ...ENGINE_RULES.map(withDocsUrl)];
}

export const allRuleMetas: readonly RuleMeta[] = ruleMetas();
