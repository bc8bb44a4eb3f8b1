import type { Rule } from '../../core/rule.js';
import { correctionNoteRule } from './correction-note.js';
import { frontMatterRule } from './front-matter.js';
import { unsourcedClaimRule } from './unsourced-claim.js';

export const contentRules: Rule[] = [frontMatterRule, unsourcedClaimRule, correctionNoteRule];
