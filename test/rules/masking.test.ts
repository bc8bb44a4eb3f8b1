import { describe, expect, it } from 'vitest';
import {
  maskAddress,
  maskDate,
  maskEmail,
  maskNumber,
  maskPhone,
  maskSecret,
} from '../../src/rules/shared/masking.js';
import { brief, checkMarkdown } from '../helpers/rule-tester.js';

/** Reports of public repositories are public: no finding may repeat a secret or personal value. */
const SECRETS = {
  password: 'Library2024!',
  github: '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',
  urlPassword: 'S3cretPass',
  apiKey: 'a8f9c2d1e7b64f3a9c0d2e1f9b7c6d5e',
  email: 'maria.delgado82@gmail.com',
  phone: '508-555-2231',
  address: '42 Elm Street',
  birthDate: '03/14/1985',
  card: '21234005678901',
};

const POST = `---
title: Everything that must not leak
---

The Wi-Fi admin password is ${SECRETS.password} until Friday.

Deploy token: ${SECRETS.github}

Upload to https://wpladmin:${SECRETS.urlPassword}@ftp.mywpl.org/scans/ weekly.

\`\`\`
API_KEY = "${SECRETS.apiKey}"
\`\`\`

Maria asked us to post her email, ${SECRETS.email}. Her cell is ${SECRETS.phone}.

Mrs. Jones lives at ${SECRETS.address}. DOB: ${SECRETS.birthDate}. Library card number ${SECRETS.card}.
`;

describe('masked findings', () => {
  it('never repeat the value in a message or suggestion, and show the masked form', async () => {
    const findings = await checkMarkdown(POST);
    const ours = findings.filter(
      (f) => f.ruleId === 'secrets/credential' || f.ruleId === 'privacy/personal-data',
    );
    expect(brief(ours)).toEqual([
      'secrets/credential 5:29 error',
      'secrets/credential 7:15 error',
      'secrets/credential 9:11 error',
      'secrets/credential 12:12 error',
      'privacy/personal-data 15:35 error',
      'privacy/personal-data 15:74 error',
      'privacy/personal-data 17:21 error',
      'privacy/personal-data 17:41 error',
      'privacy/personal-data 17:73 error',
    ]);
    for (const f of findings) {
      const shown = JSON.stringify({ message: f.message, suggestions: f.suggestions });
      for (const value of Object.values(SECRETS)) expect(shown).not.toContain(value);
    }
    const messages = ours.map((f) => f.message).join('\n');
    expect(messages).toContain('ghp_****…');
    expect(messages).toContain('m***@gmail.com');
    expect(messages).toContain('***-***-**31');
  });
});

describe('mask functions', () => {
  it('keep only what identifies the kind of value', () => {
    expect(maskEmail('maria.delgado82@gmail.com')).toBe('m***@gmail.com');
    expect(maskPhone('(508) 555-2231')).toBe('***-***-**31');
    expect(maskAddress('42 Elm Street, Apt 3B', ['Street', 'Apt'])).toBe('** E*** Street, Apt **');
    expect(maskNumber('2 1234 00567 8901')).toBe('************01');
    expect(maskDate('March 3, 1990')).toBe('M*** *, ****');
    expect(maskSecret('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', true)).toBe('ghp_****…');
    expect(maskSecret('xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx', true)).toBe('xoxb-****…');
    expect(maskSecret('books_2024')).toBe('****…');
  });
});
