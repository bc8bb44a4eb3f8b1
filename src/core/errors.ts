/** One problem in a config file, named by its key path. */
export interface ConfigProblem {
  key: string;
  message: string;
  line?: number;
  column?: number;
}

/** An invalid config or usage error: the CLI prints it and exits 2. */
export class UsageError extends Error {
  readonly problems: ConfigProblem[];
  readonly file: string | undefined;

  constructor(message: string, problems: ConfigProblem[] = [], file?: string) {
    super(message);
    this.name = 'UsageError';
    this.problems = problems;
    this.file = file;
  }

  /** The message with every problem on its own line, located where possible. */
  describe(): string {
    const lines = [this.message];
    for (const p of this.problems) {
      const where = this.file && p.line ? `${this.file}:${p.line}:${p.column ?? 1}: ` : '';
      lines.push(`  ${where}${p.key ? `${p.key}: ` : ''}${p.message}`);
    }
    return lines.join('\n');
  }
}
