import type { Rule } from '../../core/rule.js';
import { draftRule } from './draft.js';
import { internalRule } from './internal.js';

export const confidentialRules: Rule[] = [draftRule, internalRule];
