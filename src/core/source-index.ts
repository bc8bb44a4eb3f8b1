import { lastAtOrBefore } from './sorted.js';
import type { Point } from './types.js';

/** Line and column lookups for a source text (cheap to keep after the parse tree is gone). */
export class SourceIndex {
  readonly source: string;
  private readonly lineStarts: number[];
  private linesCache: string[] | undefined;

  constructor(source: string) {
    this.source = source;
    const starts = [0];
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }

  get lines(): string[] {
    this.linesCache ??= this.source.split(/\r?\n/);
    return this.linesCache;
  }

  /** 1-based line and column of an offset, clamped into the source. */
  point(offset: number): Point {
    const clamped = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, this.source.length));
    const lo = lastAtOrBefore(this.lineStarts, clamped);
    return { line: lo + 1, column: clamped - (this.lineStarts[lo] as number) + 1, offset: clamped };
  }

  /** Offset of a 1-based line and column, clamped into the source. */
  offset(line: number, column: number): number {
    const start = this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))] ?? 0;
    return Math.max(0, Math.min(start + column - 1, this.source.length));
  }
}
