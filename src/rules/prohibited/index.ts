import type { Rule } from '../../core/rule.js';
import { spamRule } from './spam.js';

export const prohibitedRules: Rule[] = [
  spamRule,
];
