import type { Rule } from '../../core/rule.js';
import { altTextRule } from './alt-text.js';

export const accessibilityRules: Rule[] = [altTextRule];
