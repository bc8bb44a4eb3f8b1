import type { Rule } from '../../core/rule.js';
import { advertisingRule } from './advertising.js';
import { offTopicRule } from './off-topic.js';
import { politicalRule } from './political.js';
import { solicitationRule } from './solicitation.js';
import { spamRule } from './spam.js';

export const prohibitedRules: Rule[] = [
  spamRule,
  offTopicRule,
  advertisingRule,
  solicitationRule,
  politicalRule,
];
