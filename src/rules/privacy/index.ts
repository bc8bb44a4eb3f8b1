import type { Rule } from '../../core/rule.js';

export const privacyRules: Rule[] = [];
