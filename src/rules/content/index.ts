import type { Rule } from '../../core/rule.js';
import { frontMatterRule } from './front-matter.js';

export const contentRules: Rule[] = [frontMatterRule];
