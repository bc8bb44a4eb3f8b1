import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { briefFor, checkMarkdown } from '../helpers/rule-tester.js';

const POST = `Library card number WPL12345678 is on hold.

Card number 21234005678901 was the old format.
`;

describe('privacy/personal-data options', () => {
  it('cardPattern replaces the default 14-digit barcode', async () => {
    const config = { rules: { 'privacy/personal-data': { options: { cardPattern: 'WPL\\d{8}' } } } };
    const findings = await checkMarkdown(POST, { config });
    expect(briefFor(findings, ['privacy/personal-data'])).toEqual(['privacy/personal-data 1:21 error']);
  });

  it('the default pattern finds 14-digit barcodes only', async () => {
    const findings = await checkMarkdown(POST);
    expect(briefFor(findings, ['privacy/personal-data'])).toEqual(['privacy/personal-data 3:13 error']);
  });

  it('allow clears a contact the person agreed to publish', async () => {
    const text = 'Write to our guest author at guest.author@gmail.com or call 508-555-2231.\n';
    const before = await checkMarkdown(text);
    expect(briefFor(before, ['privacy/personal-data'])).toEqual([
      'privacy/personal-data 1:30 error',
      'privacy/personal-data 1:61 warning',
    ]);
    const config = {
      rules: {
        'privacy/personal-data': { options: { allow: ['Guest.Author@gmail.com', '(508) 555-2231'] } },
      },
    };
    expect(briefFor(await checkMarkdown(text, { config }), ['privacy/personal-data'])).toEqual([]);
  });

  it('a suppression comment with a reason hides one finding', async () => {
    const text =
      'Write to our guest author at guest.author@gmail.com.\n\n<!-- content-gate-disable-next-line privacy/personal-data -- consent on file -->\nOr call her cell, 508-555-2231.\n';
    expect(briefFor(await checkMarkdown(text), ['privacy/personal-data'])).toEqual([
      'privacy/personal-data 1:30 error',
    ]);
  });

  it('an invalid pattern is a config error naming the option', async () => {
    const config = { rules: { 'privacy/personal-data': { options: { cardPattern: '(' } } } };
    const error = (await checkMarkdown(POST, { config }).catch((e: unknown) => e)) as UsageError;
    expect(error).toBeInstanceOf(UsageError);
    expect(error.describe()).toMatch(/cardPattern: must be a valid regular expression/);
  });
});
