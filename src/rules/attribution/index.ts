import type { Rule } from '../../core/rule.js';
import { mediaCreditRule } from './media-credit.js';
import { quoteSourceRule } from './quote-source.js';

export const attributionRules: Rule[] = [quoteSourceRule, mediaCreditRule as Rule];
