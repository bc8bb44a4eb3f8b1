import type { LinkResult } from './check.js';

/** oEmbed endpoints of the embed hosts; tests point them at a local server. */
export interface OembedEndpoints {
  youtube: string;
  x: string;
}

const DEFAULT_ENDPOINTS: OembedEndpoints = {
  youtube: 'https://www.youtube.com/oembed',
  x: 'https://publish.twitter.com/oembed',
};

export interface Embed {
  /** The oEmbed URL to ask instead of the link itself; absent when the link cannot be checked. */
  endpoint?: string;
  unverifiable: string;
  interpret(url: string, status: number | undefined, error: string | undefined): LinkResult;
}

const YOUTUBE_HOSTS = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'music.youtube.com',
  'youtu.be',
]);
const X_HOSTS = new Set(['x.com', 'www.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com']);
const INSTAGRAM_HOSTS = new Set(['instagram.com', 'www.instagram.com']);

/**
 * YouTube, Instagram and x.com answer automated requests with consent pages, login walls or
 * 429s, so a direct request says nothing about the link. Videos and posts are checked through
 * the public oEmbed endpoints instead; anything else on these hosts is unverifiable, never broken.
 */
export function embedOf(url: URL, endpoints: Partial<OembedEndpoints> = {}): Embed | undefined {
  const host = url.hostname.toLowerCase();
  const ends = { ...DEFAULT_ENDPOINTS, ...endpoints };
  if (YOUTUBE_HOSTS.has(host)) {
    const isVideo = host === 'youtu.be' || /^\/(watch|shorts\/|embed\/|live\/|playlist)/.test(url.pathname);
    return oembed('YouTube', isVideo ? ends.youtube : undefined, url);
  }
  if (X_HOSTS.has(host)) {
    const isPost = /^\/[^/]+\/status\/\d+/.test(url.pathname);
    return oembed('x.com', isPost ? ends.x : undefined, url);
  }
  if (INSTAGRAM_HOSTS.has(host)) {
    return {
      unverifiable:
        'Instagram shows automated checks a login page, so this link cannot be checked automatically; open it once to be sure it works',
      interpret: unverifiableResult,
    };
  }
  return undefined;
}

function oembed(site: string, endpoint: string | undefined, url: URL): Embed {
  const unverifiable = `${site} turns automated checks away, and only its videos and posts can be checked another way, so this link was not checked; open it once to be sure it works`;
  if (!endpoint) return { unverifiable, interpret: unverifiableResult };
  const query = new URL(endpoint);
  query.searchParams.set('url', url.href);
  query.searchParams.set('format', 'json');
  return {
    endpoint: query.href,
    unverifiable,
    interpret(link, status, error) {
      const checkedAt = Date.now();
      // 401/403: the item exists but its owner does not allow embedding.
      if (status !== undefined && ((status >= 200 && status < 300) || status === 401 || status === 403)) {
        return { url: link, state: 'ok', status, reason: `${site} knows this item`, checkedAt };
      }
      if (status === 404 || status === 400) {
        return {
          url: link,
          state: 'missing',
          status,
          reason: `${site} says this item is not available (removed, private or never published)`,
          checkedAt,
        };
      }
      const why = status === undefined ? error : `status ${status}`;
      return {
        url: link,
        state: 'unverifiable',
        reason: `${site}'s check did not answer (${why})`,
        checkedAt,
      };
    },
  };
}

function unverifiableResult(
  url: string,
  _status: number | undefined,
  reason: string | undefined,
): LinkResult {
  return {
    url,
    state: 'unverifiable',
    reason: reason ?? 'it cannot be checked automatically',
    checkedAt: Date.now(),
  };
}
