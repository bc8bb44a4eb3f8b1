/** Index of the last entry of an ascending list that is at most `value` (0 when none is). */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sorted[mid] as number) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Spans that do not overlap, kept in order, so asking whether a new span overlaps any costs a
 * binary search. Spans usually arrive in order, and then adding one is an append.
 */
export class DisjointSpans {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  overlaps(start: number, end: number): boolean {
    if (this.starts.length === 0 || (this.starts[0] as number) >= end) return false;
    const i = lastBefore(this.starts, end);
    return (this.ends[i] as number) > start;
  }

  /** Adds a span that overlaps none already added. */
  add(start: number, end: number): void {
    const last = this.starts.length - 1;
    if (last < 0 || (this.starts[last] as number) < start) {
      this.starts.push(start);
      this.ends.push(end);
      return;
    }
    const at = (this.starts[0] as number) >= start ? 0 : lastBefore(this.starts, start) + 1;
    this.starts.splice(at, 0, start);
    this.ends.splice(at, 0, end);
  }
}

/** Index of the last entry of a non-empty ascending list that is below `value` (0 when none is). */
function lastBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sorted[mid] as number) < value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
