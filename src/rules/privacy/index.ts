import type { Rule } from '../../core/rule.js';
import { personalDataRule } from './personal-data.js';

export const privacyRules: Rule[] = [personalDataRule as Rule];
