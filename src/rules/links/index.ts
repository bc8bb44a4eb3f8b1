import type { Rule } from '../../core/rule.js';
import { linksRule } from './links.js';

export const linksRules = [linksRule] as Rule[];
