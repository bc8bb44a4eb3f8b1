/** The YAML parser's message without its own (block-relative) position, which the finding gives. */
export function yamlMessage(message: string): string {
  return (message.split('\n')[0] ?? 'invalid YAML').replace(/ at line \d+, column \d+:?\s*$/, '');
}
