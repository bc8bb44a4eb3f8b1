import type { Rule } from '../../core/rule.js';
import { unknownWordRule } from './unknown-word.js';

export const spellingRules: Rule[] = [unknownWordRule as Rule];
