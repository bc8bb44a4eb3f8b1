import { z } from 'zod';

/** Options of `links/broken` (`rules."links/broken".options`): how external links are requested. */
export const externalOptionsSchema = z.strictObject({
  githubToken: z
    .string()
    .optional()
    .describe('A token for github.com links; otherwise the GITHUB_TOKEN environment variable is used.'),
  githubHosts: z
    .array(z.string())
    .optional()
    .describe(
      'Hosts that get the token and whose rate-limit headers are obeyed (add a GitHub Enterprise host).',
    ),
  oembed: z
    .strictObject({ youtube: z.string().url().optional(), x: z.string().url().optional() })
    .optional()
    .describe('oEmbed endpoints for YouTube and x.com links (a proxy, or a test server).'),
  caFile: z
    .string()
    .optional()
    .describe(
      'A PEM file of extra certificate authorities to trust (a corporate TLS proxy), relative to the config.',
    ),
  retryBackoffMs: z
    .number()
    .int()
    .min(0)
    .default(500)
    .describe('First retry delay in milliseconds, doubled on each retry.'),
  maxRetryAfterSeconds: z
    .number()
    .min(0)
    .default(60)
    .describe('The longest `Retry-After` (or GitHub rate-limit reset) waited for, in seconds.'),
});

export type ExternalOptions = z.output<typeof externalOptionsSchema>;
