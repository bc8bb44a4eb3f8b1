import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinkChecker } from '../../src/links/check.js';
import { blockedHost, isBlockedAddress, safeLookup } from '../../src/links/safety.js';
import { compileSkip } from '../../src/links/skip.js';
import { firstThen, LinkServer, ok, redirect, status } from '../helpers/link-server.js';

const server = new LinkServer({
  '/gh/first': (req, res) => {
    const authorized = req.headers.authorization === 'Bearer test-token';
    res
      .writeHead(authorized ? 200 : 404, {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1),
      })
      .end();
  },
  '/gh/second': (req, res) => {
    res.writeHead(req.headers.authorization === 'Bearer test-token' ? 200 : 404).end();
  },
  '/oembed/youtube': (req, res) => {
    const url = new URL(req.url ?? '', 'http://x').searchParams.get('url') ?? '';
    res.writeHead(url.includes('v=good') ? 200 : url.includes('private') ? 401 : 404).end('{}');
  },
  '/to-other-address': (_req, res, s) => {
    res.writeHead(302, { location: `http://127.0.0.2:${s.port}/ok` }).end();
  },
  '/ok': ok(),
  '/long-wait': status(429, { 'retry-after': '3600' }),
  '/later': firstThen(1, status(429, { 'retry-after': new Date(Date.now() + 1000).toUTCString() }), ok()),
  '/a': redirect(301, '/b'),
  '/b': ok(),
});

beforeAll(async () => {
  await server.start();
});
afterAll(() => server.close());

function checker(extra: Partial<ConstructorParameters<typeof LinkChecker>[0]> = {}): LinkChecker {
  return new LinkChecker({
    timeout: 2000,
    concurrency: 8,
    perHostConcurrency: 2,
    retries: 2,
    allowPrivate: true,
    backoffMs: 10,
    ...extra,
  });
}

describe('GitHub links', () => {
  it('sends the token only to GitHub hosts and waits for the rate limit to reset', async () => {
    server.reset();
    const c = checker({ githubToken: 'test-token', githubHosts: [`127.0.0.1:${server.port}`] });
    const first = await c.check(server.url('/gh/first'));
    const second = await c.check(server.url('/gh/second'));
    c.close();
    expect([first.state, second.state]).toEqual(['ok', 'ok']);
    const [a, b] = server.log.filter((r) => r.path.startsWith('/gh/'));
    expect(a?.headers.authorization).toBe('Bearer test-token');
    // The reset is the next whole second after the first answer: the second waited for it.
    expect(Math.floor((b?.at ?? 0) / 1000)).toBeGreaterThan(Math.floor((a?.at ?? 0) / 1000));
  });

  it('never sends the token to other hosts', async () => {
    server.reset();
    const c = checker({ githubToken: 'test-token' });
    expect((await c.check(server.url('/gh/second'))).state).toBe('broken');
    c.close();
    expect(server.log[0]?.headers.authorization).toBeUndefined();
  });
});

describe('embed hosts', () => {
  const c = () => checker({ oembed: { youtube: server.url('/oembed/youtube') } });

  it('checks YouTube videos through oEmbed and never calls a gone video broken', async () => {
    server.reset();
    const k = c();
    const good = await k.check('https://www.youtube.com/watch?v=good');
    const embeddingOff = await k.check('https://youtu.be/private');
    const gone = await k.check('https://www.youtube.com/watch?v=gone');
    const channel = await k.check('https://www.youtube.com/@library');
    const instagram = await k.check('https://www.instagram.com/p/abc/');
    const x = await k.check('https://x.com/library');
    k.close();
    expect([good.state, embeddingOff.state, gone.state, channel.state, instagram.state, x.state]).toEqual([
      'ok',
      'ok',
      'missing',
      'unverifiable',
      'unverifiable',
      'unverifiable',
    ]);
    // Only the three videos were asked about, and only the local oEmbed endpoint was asked.
    expect(server.requests('/oembed/youtube')).toBe(3);
    expect(server.log.every((r) => r.path === '/oembed/youtube')).toBe(true);
  });
});

describe('safety', () => {
  it('knows private, loopback, link-local and metadata addresses', () => {
    const blocked = [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd00:ec2::254',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
    ];
    const allowed = ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '172.32.0.1', '192.169.0.1'];
    expect(blocked.filter((a) => !isBlockedAddress(a))).toEqual([]);
    expect(allowed.filter((a) => isBlockedAddress(a))).toEqual([]);
    expect(blockedHost('localhost')).toBe('localhost is a local name');
    expect(blockedHost('[::1]')).toBe('::1 is a private or local address');
    expect(blockedHost('example.org')).toBeUndefined();
  });

  it('checks the address a name resolves to', async () => {
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      safeLookup('localhost', {}, (e) => resolve(e)),
    );
    expect(error?.code).toBe('EBLOCKED');
  });

  it('checks the address again after each redirect', async () => {
    server.reset();
    // Only 127.0.0.2 counts as private here, so the first hop may go to the server on 127.0.0.1.
    const c = checker({ allowPrivate: false, isBlocked: (address) => address === '127.0.0.2' });
    const result = await c.check(server.url('/to-other-address'));
    c.close();
    expect(result.state).toBe('refused');
    expect(result.reason).toBe(
      'it points to a private or local network address (127.0.0.2 is a private or local address)',
    );
    expect(server.requests('/to-other-address')).toBe(1);
  });
});

describe('retries and redirects', () => {
  it('gives up on a Retry-After longer than the cap, without waiting', async () => {
    server.reset();
    const c = checker({ maxRetryAfterMs: 5000 });
    const started = Date.now();
    const result = await c.check(server.url('/long-wait'));
    c.close();
    expect(result.state).toBe('unverifiable');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.requests('/long-wait')).toBe(1);
  });

  it('honours Retry-After given as a date', async () => {
    server.reset();
    const c = checker();
    expect((await c.check(server.url('/later'))).state).toBe('ok');
    c.close();
    expect(server.requests('/later')).toBe(2);
  });

  it('shares answers between a URL and redirect chains through it', async () => {
    server.reset();
    const c = checker();
    const [a, b] = await Promise.all([c.check(server.url('/a')), c.check(server.url('/b'))]);
    c.close();
    expect(a.permanentTarget).toBe(server.url('/b'));
    expect(b.state).toBe('ok');
    expect([server.requests('/a'), server.requests('/b')]).toEqual([1, 1]);
  });
});

describe('links.skip', () => {
  it('takes regular expressions, globs and plain text', () => {
    const skip = compileSkip([
      '/\\.pdf$/i',
      '^https://intranet\\.',
      'https://*.example.org/private/*',
      'localhost',
      '([',
    ]);
    expect(
      [
        'https://a.org/file.PDF',
        'https://intranet.library.org/x',
        'https://cdn.example.org/private/a',
        'http://localhost:8080/',
        'https://a.org/([',
        'https://a.org/page',
        'https://example.org/public/a',
      ].map(skip),
    ).toEqual([true, true, true, true, true, false, false]);
  });
});
