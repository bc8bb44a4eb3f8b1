import type { Rule } from '../../core/rule.js';
import { advertisingRule } from './advertising.js';
import { copyrightRule } from './copyright.js';
import { defamationRule } from './defamation.js';
import { discriminationRule } from './discrimination.js';
import { obscenityRule } from './obscenity.js';
import { offTopicRule } from './off-topic.js';
import { politicalRule } from './political.js';
import { solicitationRule } from './solicitation.js';
import { spamRule } from './spam.js';
import { threatRule } from './threat.js';

/** The policy's prohibited content ("Posting on Social Media", items 1 to 8), in its order. */
export const prohibitedRules: Rule[] = [
  obscenityRule as Rule,
  discriminationRule as Rule,
  threatRule,
  defamationRule,
  copyrightRule,
  spamRule,
  offTopicRule,
  advertisingRule,
  solicitationRule,
  politicalRule,
];
