import type { Rule } from '../../core/rule.js';
import { grammarRule } from './harper-grammar.js';

export const grammarRules: Rule[] = [grammarRule as Rule];
