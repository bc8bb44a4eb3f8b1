import { createHash, type Hash } from 'node:crypto';

interface LineKeys {
  trimmed: string;
  normalized: string;
}

/**
 * Fingerprints that survive edits elsewhere in the file: the rule, the file and the text of the
 * finding's first line (whitespace-normalised), plus which occurrence of that text it is. One
 * instance per file; each line is normalised and hashed once, so a long line with thousands of
 * findings costs its length once rather than once per finding.
 */
export class Fingerprints {
  private readonly lines = new Map<string, LineKeys>();
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly prefixes = new Map<string, Map<string, Hash>>();
  private readonly lineOccurrences = new Map<string, Map<number, number>>();
  private readonly lineHashes = new Map<string, string>();

  constructor(private readonly file: string) {}

  next(ruleId: string, lineText: string): string {
    const line = this.keysOf(lineText);
    const counts = entry(this.counts, ruleId, () => new Map<string, number>());
    const occurrence = counts.get(line.trimmed) ?? 0;
    counts.set(line.trimmed, occurrence + 1);
    const prefixes = entry(this.prefixes, ruleId, () => new Map<string, Hash>());
    const prefix = entry(prefixes, line.normalized, () =>
      createHash('sha256').update(`${ruleId}\0${this.file}\0${line.normalized}\0`),
    );
    return prefix.copy().update(String(occurrence)).digest('hex').slice(0, 32);
  }

  /**
   * Code scanning's `primaryLocationLineHash`: a hash of the line's text (whitespace-normalised)
   * and, after a colon, which line of the file with that same text it is (1, 2, ...), counted over
   * the lines that carry findings. Every finding on one line shares it; code scanning tells them
   * apart by rule.
   */
  lineHash(line: number, lineText: string): string {
    const { normalized } = this.keysOf(lineText);
    const hash = entry(this.lineHashes, normalized, () =>
      createHash('sha256').update(normalized).digest('hex').slice(0, 16),
    );
    const seen = entry(this.lineOccurrences, normalized, () => new Map<number, number>());
    const occurrence = entry(seen, line, () => seen.size + 1);
    return `${hash}:${occurrence}`;
  }

  private keysOf(lineText: string): LineKeys {
    return entry(this.lines, lineText, () => {
      const trimmed = lineText.trim();
      return { trimmed, normalized: trimmed.replace(/\s+/g, ' ') };
    });
  }
}

function entry<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
