import { posix } from 'node:path';
import picomatch from 'picomatch';
import {
  EMBED_PROVIDERS,
  type EmbedProvider,
  SERVICE_EMBED_HOSTS,
  STOCK_AGENCIES,
  type StockAgency,
} from '../../lexicons/media.js';

/** A media address split into what the rules compare: host (lower case, no www.) and path. */
export interface MediaUrl {
  /** Empty for a path on the site itself. */
  host: string;
  path: string;
  /** Served from another site. */
  external: boolean;
}

/**
 * Template expressions that static site generators put in front of paths
 * (`{{ site.baseurl }}/assets/x.jpg`, `{{ '/x.jpg' | relative_url }}`) are removed first.
 */
export function stripTemplate(url: string): string {
  const quoted =
    /^\{\{-?\s*["']([^"']+)["']\s*\|\s*(?:relative_url|absolute_url|relURL|absURL)\s*-?\}\}$/.exec(
      url.trim(),
    );
  if (quoted?.[1]) return quoted[1];
  return url.trim().replace(/^(?:\{\{[^}]*\}\}|\{%[^%]*%\})+/, '');
}

export function parseMediaUrl(raw: string): MediaUrl {
  const url = stripTemplate(raw);
  const absolute = /^(?:https?:)?\/\/([^/?#]+)([^?#]*)/i.exec(url);
  if (absolute) {
    const host = (absolute[1] ?? '')
      .toLowerCase()
      .replace(/^www\./, '')
      .replace(/:\d+$/, '');
    return { host, path: absolute[2] || '/', external: true };
  }
  return { host: '', path: url.replace(/[?#].*$/, ''), external: false };
}

/** True when `host` is `listed` or one of its sub-domains. */
export function hostIs(host: string, listed: string): boolean {
  const l = listed
    .toLowerCase()
    .replace(/^\*\./, '')
    .replace(/^www\./, '');
  return host === l || host.endsWith(`.${l}`);
}

/** Matches `host` or `host/path prefix` entries such as "google.com/maps". */
function hostAndPathIs(url: MediaUrl, entry: string): boolean {
  const slash = entry.indexOf('/');
  if (slash === -1) return hostIs(url.host, entry);
  return hostIs(url.host, entry.slice(0, slash)) && url.path.startsWith(entry.slice(slash));
}

export function embedProviderOf(url: MediaUrl): EmbedProvider | undefined {
  if (!url.external) return undefined;
  return EMBED_PROVIDERS.find((p) => p.hosts.some((h) => hostIs(url.host, h)));
}

export function isServiceEmbed(url: MediaUrl): boolean {
  return SERVICE_EMBED_HOSTS.some((entry) => hostAndPathIs(url, entry));
}

/** The stock agency serving this media, unless it is the agency's own licensed embed player. */
export function stockAgencyOf(url: MediaUrl): StockAgency | undefined {
  if (!url.external) return undefined;
  return STOCK_AGENCIES.find(
    (a) => a.hosts.some((h) => hostIs(url.host, h)) && !(a.embedHosts ?? []).some((h) => hostIs(url.host, h)),
  );
}

/**
 * Decides whether media is the library's own, from config `ownedMedia`: entries with a slash or
 * a wildcard are path globs (`/assets/wpl/**`, or `media.mywpl.org/**` for a host and path);
 * the others are hosts (`media.mywpl.org`, `*.mywpl.org`).
 */
export class OwnedMedia {
  private readonly hosts: string[] = [];
  private readonly pathGlobs: ((path: string) => boolean)[] = [];
  private readonly hostGlobs: ((hostAndPath: string) => boolean)[] = [];

  constructor(entries: readonly string[]) {
    for (const raw of entries) {
      const entry = raw.trim().replace(/^https?:\/\//i, '');
      if (!entry) continue;
      const looksLikeHost = /^(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:\/|$)/i.test(entry);
      if (looksLikeHost && !entry.includes('/')) this.hosts.push(entry.toLowerCase());
      else if (looksLikeHost) this.hostGlobs.push(picomatch(entry.toLowerCase(), { dot: true }));
      else this.pathGlobs.push(picomatch(entry.replace(/^\/+/, ''), { dot: true }));
    }
  }

  get empty(): boolean {
    return this.hosts.length + this.pathGlobs.length + this.hostGlobs.length === 0;
  }

  /** `postFile` (relative to the site) resolves relative paths such as `images/x.jpg`. */
  owns(url: MediaUrl, postFile: string): boolean {
    if (url.external) {
      if (this.hosts.some((h) => hostIs(url.host, h))) return true;
      const hostAndPath = `${url.host}${url.path}`;
      return this.hostGlobs.some((match) => match(hostAndPath) || match(hostAndPath.replace(/^www\./, '')));
    }
    if (!url.path || /^[a-z][a-z0-9+.-]*:/i.test(url.path)) return false;
    const candidates = url.path.startsWith('/')
      ? [url.path.slice(1)]
      : [posix.normalize(posix.join(posix.dirname(postFile.replaceAll('\\', '/')), url.path)), url.path];
    return candidates.some((path) => this.pathGlobs.some((match) => match(path.replace(/^\/+/, ''))));
  }
}

/** The file name at the end of a media path ("reading-room.jpg"), decoded. */
export function fileNameOf(url: MediaUrl): string {
  return url.path.endsWith('/') ? '' : decodeSafely(posix.basename(url.path));
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
