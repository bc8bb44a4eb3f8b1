import type { Rule } from '../../core/rule.js';
import { patronRemarksRule } from './patron-remarks.js';
import { spokespersonRule } from './spokesperson.js';

export const conductRules: Rule[] = [patronRemarksRule, spokespersonRule as Rule];
