import type { Rule } from '../../core/rule.js';

export const accessibilityRules: Rule[] = [];
