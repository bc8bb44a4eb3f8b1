import type { Document } from '../core/document.js';

/** Milliseconds per phase, summed over files (and over threads, for work done in workers). */
export class Timings {
  private readonly totals = new Map<string, number>();

  add(phase: string, ms: number): void {
    this.totals.set(phase, (this.totals.get(phase) ?? 0) + ms);
  }

  merge(other: Record<string, number>): void {
    for (const [phase, ms] of Object.entries(other)) this.add(phase, ms);
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries(this.totals);
  }
}

/**
 * For measurements only: builds the views rules share (node index, HTML elements, prose) right after
 * the parse, so their cost shows as its own phase instead of in whichever rule touches them first.
 */
export function primeViews(doc: Document, timing: (phase: string, ms: number) => void): void {
  const started = performance.now();
  doc.nodes('root');
  void doc.htmlElements;
  void doc.prose;
  void doc.codeRanges;
  timing('views', performance.now() - started);
}
