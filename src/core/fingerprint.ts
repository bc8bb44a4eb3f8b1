import { createHash } from 'node:crypto';

/**
 * A fingerprint that survives edits elsewhere in the file: the rule, the file and the text of
 * the finding's first line (whitespace-normalised), plus which occurrence of that text it is.
 */
export function fingerprint(ruleId: string, file: string, lineText: string, occurrence: number): string {
  const normalized = lineText.trim().replace(/\s+/g, ' ');
  return createHash('sha256')
    .update(`${ruleId}\0${file}\0${normalized}\0${occurrence}`)
    .digest('hex')
    .slice(0, 32);
}
