import { z } from 'zod';

/** Options of `links/broken` (`rules."links/broken".options`): how external links are requested. */
export const externalOptionsSchema = z.strictObject({
  /** A token for github.com links; otherwise the GITHUB_TOKEN environment variable is used. */
  githubToken: z.string().optional(),
  /** Hosts that get the token and whose rate-limit headers are obeyed (add a GitHub Enterprise host). */
  githubHosts: z.array(z.string()).optional(),
  /** oEmbed endpoints for YouTube and x.com links (a proxy, or a test server). */
  oembed: z.strictObject({ youtube: z.string().url().optional(), x: z.string().url().optional() }).optional(),
  /** A PEM file of extra certificate authorities to trust (a corporate TLS proxy), relative to the config. */
  caFile: z.string().optional(),
  /** First retry delay in milliseconds, doubled on each retry. */
  retryBackoffMs: z.number().int().min(0).default(500),
  /** The longest `Retry-After` (or GitHub rate-limit reset) waited for, in seconds. */
  maxRetryAfterSeconds: z.number().min(0).default(60),
});

export type ExternalOptions = z.output<typeof externalOptionsSchema>;
