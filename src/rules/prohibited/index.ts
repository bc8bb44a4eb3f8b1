import type { Rule } from '../../core/rule.js';

export const prohibitedRules: Rule[] = [];
