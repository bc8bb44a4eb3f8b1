import type { ResolvedConfig } from '../../../core/config.js';
import { anyCase } from './cased.js';
import { hostIs, type PostLink, parseAddress } from './links.js';

/** The library's own name, addresses and fundraising bodies, from config `organization`. */
export interface OwnOrganization {
  /** True when a link goes to one of the library's own domains. */
  ownsLink(link: PostLink): boolean;
  /** True when a link goes to a configured foundation or Friends page. */
  fundraisingLink(link: PostLink): boolean;
  /** True when the text names the library (config `name`) or a configured foundation or Friends. */
  namedIn(text: string): boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A configured entry that is an address (has a dot and no space) rather than a name. */
function isAddress(entry: string): boolean {
  return !/\s/.test(entry.trim()) && /\.[a-z]{2,}/i.test(entry);
}

function nameRegExp(names: readonly string[]): RegExp | undefined {
  const usable = names.map((n) => n.trim()).filter((n) => n.length > 2);
  if (usable.length === 0) return undefined;
  const alternatives = usable.map((n) =>
    escapeRegExp(n)
      .replace(/\\?\s+/g, '\\s+')
      .replace(/['’]/g, "['’]"),
  );
  return anyCase(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`);
}

export function ownOrganization(config: ResolvedConfig): OwnOrganization {
  const org = config.organization;
  const fundraising = org.fundraising ?? [];
  const fundraisingAddresses = fundraising.filter(isAddress).map((entry) => {
    const { hostPath } = parseAddress(/^[a-z]+:\/\//i.test(entry) ? entry : `https://${entry}`);
    return hostPath;
  });
  const names = nameRegExp([...(org.name ? [org.name] : []), ...fundraising.filter((e) => !isAddress(e))]);
  const fundraisingLink = (link: PostLink) =>
    link.hostPath !== '' &&
    fundraisingAddresses.some((prefix) => link.hostPath === prefix || link.hostPath.startsWith(`${prefix}/`));
  return {
    ownsLink: (link) =>
      (link.host !== '' && (org.domains ?? []).some((d) => hostIs(link.host, d))) || fundraisingLink(link),
    fundraisingLink,
    namedIn: (text) => names?.test(text) ?? false,
  };
}
