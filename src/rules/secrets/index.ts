import type { Rule } from '../../core/rule.js';
import { credentialRule } from './credential.js';

export const secretsRules: Rule[] = [credentialRule as Rule];
