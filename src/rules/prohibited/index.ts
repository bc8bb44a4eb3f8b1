import type { Rule } from '../../core/rule.js';
import { copyrightRule } from './copyright.js';

export const prohibitedRules: Rule[] = [copyrightRule];
