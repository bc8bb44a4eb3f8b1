/**
 * Masked forms of personal data and credentials. Reports of a public repository are public, so a
 * finding shows only enough of a value for the editor to find it, never the value itself.
 */

const STARS = '****';

/** `m***@gmail.com`: the first letter of the mailbox and the domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return STARS;
  return `${email[0]}***${email.slice(at)}`;
}

/** `***-***-**34`: only the last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `***-***-**${digits.slice(-2)}`;
}

/** `** E*** Street`: numbers hidden, each name word cut to its initial, street types kept. */
export function maskAddress(address: string, keep: readonly string[] = []): string {
  const kept = new Set(keep.map((w) => w.toLowerCase()));
  return address
    .split(/\s+/)
    .map((word) => {
      if (/\d/.test(word)) return '**';
      if (kept.has(word.replace(/[.,]+$/, '').toLowerCase()) || word.length <= 2) return word;
      return `${word[0]}***`;
    })
    .join(' ');
}

/** `**************` with the last two digits: a card number has no part worth showing. */
export function maskNumber(value: string): string {
  const digits = value.replace(/\D/g, '');
  return `${'*'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
}

/** A date with everything but its shape hidden. */
export function maskDate(value: string): string {
  return value.replace(/[A-Za-z]+/g, (w) => `${w[0]}***`).replace(/\d/g, '*');
}

/**
 * `ghp_****…`. For a token of a known format, its public type prefix (letters then `_` or `-`, or
 * AWS's AKIA) is kept so the editor can tell which key it is; a password shows nothing at all.
 */
export function maskSecret(value: string, keepTypePrefix = false): string {
  if (!keepTypePrefix) return `${STARS}…`;
  const prefix = /^(?:[A-Za-z]{2,10}[_-](?:[A-Za-z]{2,6}[_-])?|A[KS]IA)/.exec(value)?.[0] ?? '';
  return `${prefix.length <= value.length / 3 ? prefix : ''}${STARS}…`;
}
