import type { Rule } from '../../core/rule.js';
import { brokenRule } from './broken.js';
import { insecureRule } from './insecure.js';
import { missingAnchorRule } from './missing-anchor.js';
import { missingFileRule } from './missing-file.js';
import { redirectRule } from './redirect.js';

export const linksRules = [
  missingFileRule,
  missingAnchorRule,
  brokenRule,
  redirectRule,
  insecureRule,
] as Rule[];
