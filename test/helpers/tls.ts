import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificate {
  key: string;
  cert: string;
  /** Path of the certificate file, to trust it (links `caFile`, NODE_EXTRA_CA_CERTS). */
  certFile: string;
}

let made: TestCertificate | undefined | null;

/** A self-signed certificate for 127.0.0.1 made with openssl; undefined when openssl is missing. */
export function testCertificate(): TestCertificate | undefined {
  if (made !== undefined) return made ?? undefined;
  const dir = mkdtempSync(join(tmpdir(), 'content-gate-tls-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
    made = { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile };
  } catch {
    made = null;
  }
  return made ?? undefined;
}
