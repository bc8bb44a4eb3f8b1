import type { Rule } from '../../core/rule.js';
import { copyrightRule } from './copyright.js';
import { defamationRule } from './defamation.js';
import { discriminationRule } from './discrimination.js';
import { obscenityRule } from './obscenity.js';
import { threatRule } from './threat.js';

export const prohibitedRules: Rule[] = [
  copyrightRule,
  obscenityRule as Rule,
  discriminationRule as Rule,
  threatRule,
  defamationRule,
];
