import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import {
  type AddressPolicy,
  BlockedAddressError,
  blockedHost,
  isBlockedAddress,
  safeLookupWith,
} from './safety.js';

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
}

export interface SendOptions {
  method: 'HEAD' | 'GET';
  timeout: number;
  headers: Record<string, string>;
  allowPrivate: boolean;
  /** Which addresses are refused when private addresses are not allowed. */
  isBlocked?: AddressPolicy;
}

/** A failed request: `code` is Node's error code (ENOTFOUND, ECONNRESET...), TIMEOUT or EBLOCKED. */
export class RequestError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** Keep-alive agents for one run, so many URLs on one host share connections. */
export class Agents {
  readonly http = new http.Agent({ keepAlive: true, maxSockets: 64 });
  readonly https: https.Agent;

  /** `extraCa`: PEM certificates trusted besides the usual ones (a corporate TLS proxy). */
  constructor(extraCa?: string) {
    this.https = new https.Agent({
      keepAlive: true,
      maxSockets: 64,
      // One secure context for the run: passing `ca` alone would parse every root certificate per connection.
      ...(extraCa
        ? { secureContext: tls.createSecureContext({ ca: [...tls.rootCertificates, extraCa] }) }
        : {}),
    });
  }

  destroy(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

/**
 * Sends one request without following redirects and resolves with the status and headers; the
 * body is never read. The whole exchange up to the headers is bounded by `timeout`.
 */
export function send(url: URL, options: SendOptions, agents: Agents): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const isBlocked = options.isBlocked ?? isBlockedAddress;
    if (!options.allowPrivate) {
      const reason = blockedHost(url.hostname, isBlocked);
      if (reason) {
        reject(new RequestError('EBLOCKED', reason));
        return;
      }
    }
    const secure = url.protocol === 'https:';
    const request = (secure ? https : http).request(url, {
      method: options.method,
      headers: options.headers,
      agent: secure ? agents.https : agents.http,
      ...(options.allowPrivate ? {} : { lookup: safeLookupWith(isBlocked) }),
    });
    const timer = setTimeout(() => {
      request.destroy(new RequestError('TIMEOUT', `no answer within ${options.timeout} ms`));
    }, options.timeout);
    request.on('response', (response) => {
      clearTimeout(timer);
      const result = { status: response.statusCode ?? 0, headers: response.headers };
      // HEAD has no body, so the connection can be reused; a GET body is not needed at all.
      if (options.method === 'HEAD') response.resume();
      else response.destroy();
      resolve(result);
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error instanceof RequestError) reject(error);
      else if (error instanceof BlockedAddressError) reject(new RequestError('EBLOCKED', error.message));
      else reject(new RequestError(error.code ?? 'ERROR', error.message));
    });
    request.end();
  });
}
