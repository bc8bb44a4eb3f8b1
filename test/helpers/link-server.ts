import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { Duplex } from 'node:stream';
import tls from 'node:tls';
import type { TestCertificate } from './tls.js';

export type Handler = (req: IncomingMessage, res: ServerResponse, server: LinkServer) => void | Promise<void>;

/**
 * A real HTTP server on 127.0.0.1 for link tests. With a certificate, the same port also speaks
 * HTTPS (the first byte of a TLS handshake is 0x16), so `http://` and `https://` forms of one
 * URL reach it. Every request is counted by protocol, method and path.
 */
export class LinkServer {
  readonly counts = new Map<string, number>();
  readonly log: {
    protocol: string;
    method: string;
    path: string;
    at: number;
    headers: http.IncomingHttpHeaders;
  }[] = [];
  port = 0;
  private readonly front: net.Server;
  private readonly servers: http.Server[];

  constructor(routes: Record<string, Handler>, certificate?: TestCertificate) {
    const handle = (protocol: 'http' | 'https') => async (req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const key = `${protocol} ${req.method} ${url.pathname}`;
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      this.log.push({
        protocol,
        method: req.method ?? '',
        path: url.pathname,
        at: Date.now(),
        headers: req.headers,
      });
      const route = routes[url.pathname];
      if (
        !route ||
        (protocol === 'https' && !url.pathname.startsWith('/secure/') && !url.pathname.startsWith('/tls/'))
      ) {
        res.writeHead(404).end('not found');
        return;
      }
      await route(req, res, this);
    };
    const plain = http.createServer(handle('http'));
    const secure = http.createServer(handle('https'));
    this.servers = [plain, secure];
    const context = certificate && tls.createSecureContext({ key: certificate.key, cert: certificate.cert });
    this.front = net.createServer((socket) => {
      socket.on('error', () => {});
      socket.once('data', (first) => {
        if (first[0] !== 0x16 || !context) {
          socket.pause();
          socket.unshift(first);
          plain.emit('connection', socket);
          socket.resume();
          return;
        }
        // TLS reads a net.Socket's handle directly, past unshifted bytes: feed it a JS stream instead.
        const raw = new Duplex({
          read() {},
          write(chunk, _encoding, done) {
            socket.write(chunk, done);
          },
          final(done) {
            socket.end();
            done();
          },
        });
        raw.push(first);
        socket.on('data', (chunk) => raw.push(chunk));
        socket.on('end', () => raw.push(null));
        socket.on('close', () => raw.destroy());
        const secureSocket = new tls.TLSSocket(raw, { isServer: true, secureContext: context });
        secureSocket.on('error', () => socket.destroy());
        secure.emit('connection', secureSocket);
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.front.listen(0, '127.0.0.1', resolve));
    this.port = (this.front.address() as AddressInfo).port;
    return this;
  }

  url(path: string, protocol: 'http' | 'https' = 'http'): string {
    return `${protocol}://127.0.0.1:${this.port}${path}`;
  }

  /** Requests to a path over a protocol, all methods together. */
  requests(path: string, protocol: 'http' | 'https' = 'http'): number {
    let total = 0;
    for (const [key, n] of this.counts) {
      const [p, , pathname] = key.split(' ');
      if (p === protocol && pathname === path) total += n;
    }
    return total;
  }

  reset(): void {
    this.counts.clear();
    this.log.length = 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      for (const server of this.servers) server.closeAllConnections();
      this.front.close(() => resolve());
    });
  }
}

export const ok =
  (body = '<html><body><h1 id="intro">Intro</h1></body></html>'): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(body);
  };

export const status =
  (code: number, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(code, headers).end();
  };

export const redirect =
  (code: number, location: string): Handler =>
  (_req, res) => {
    res.writeHead(code, { location }).end();
  };

/** Answers the first `n` requests with one handler, the rest with another. */
export function firstThen(n: number, first: Handler, then: Handler): Handler {
  let seen = 0;
  return (req, res, server) => (seen++ < n ? first(req, res, server) : then(req, res, server));
}

export function delayed(ms: number, handler: Handler): Handler {
  return (req, res, server) =>
    new Promise<void>((resolve) =>
      setTimeout(() => {
        if (!res.destroyed) void handler(req, res, server);
        resolve();
      }, ms),
    );
}
