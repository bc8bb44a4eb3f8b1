import type { Rule } from '../../core/rule.js';

export const secretsRules: Rule[] = [];
