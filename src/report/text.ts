import type { AppliedFix, Diagnostic, EngineFinding, Summary } from '../core/types.js';

export interface Style {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  green(s: string): string;
}

const plain: Style = {
  red: (s) => s,
  yellow: (s) => s,
  blue: (s) => s,
  dim: (s) => s,
  bold: (s) => s,
  green: (s) => s,
};

/** ANSI colours, only for a terminal and only when NO_COLOR is not set. */
export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Style {
  if (!stream.isTTY || (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || env.TERM === 'dumb')
    return plain;
  const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    blue: wrap(34, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
    green: wrap(32, 39),
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `file:line:col  severity  message  rule-id` lines grouped by file, then a summary line. */
export function formatText(
  findings: readonly EngineFinding[],
  summary: Summary,
  style: Style = plain,
  extras: { diagnostics?: readonly Diagnostic[]; fixes?: readonly AppliedFix[] } = {},
): string {
  const lines: string[] = [];
  let current: string | undefined;
  for (const f of findings) {
    if (current !== undefined && f.file !== current) lines.push('');
    current = f.file;
    const severity =
      f.severity === 'error'
        ? style.red('error  ')
        : f.severity === 'warning'
          ? style.yellow('warning')
          : style.blue('notice ');
    lines.push(
      `${style.bold(`${f.file}:${f.line}:${f.column}`)}  ${severity}  ${f.message}  ${style.dim(f.ruleId)}`,
    );
    if (f.suggestions.length > 0) {
      lines.push(
        `    ${style.dim('suggestion:')} ${f.suggestions.map((s) => JSON.stringify(s)).join(style.dim(' or '))}`,
      );
    }
  }
  for (const fix of extras.fixes ?? []) {
    lines.push(
      `${style.bold(`${fix.file}:${fix.line}:${fix.column}`)}  ${style.green('fixed  ')}  ${JSON.stringify(fix.before)} -> ${JSON.stringify(fix.after)}  ${style.dim(fix.ruleId)}`,
    );
  }
  if (lines.length > 0) lines.push('');
  const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.notices, 'notice')}`;
  const withFindings = new Set(findings.map((f) => f.file)).size;
  const skipped = (extras.diagnostics ?? []).filter((d) => d.file).length;
  const tail = [
    `${counts} in ${withFindings} of ${plural(summary.files, 'file')} checked`,
    skipped ? `${skipped} skipped` : '',
    extras.fixes?.length ? `${plural(extras.fixes.length, 'fix')} applied` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const mark =
    summary.errors > 0 ? style.red('✖') : summary.warnings > 0 ? style.yellow('⚠') : style.green('✔');
  lines.push(`${mark} ${tail}.`);
  return `${lines.join('\n')}\n`;
}
