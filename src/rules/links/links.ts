import type { Rule, RuleReport } from '../../core/rule.js';
import { type FileLinks, fileLinksOf, LinkSession } from '../../links/session.js';
import { brokenLink } from './broken.js';
import { insecureLink } from './insecure.js';
import { missingAnchor } from './missing-anchor.js';
import { missingFile } from './missing-file.js';
import { permanentRedirect } from './redirect.js';
import type { LinkFinding } from './shared.js';

const FINDINGS: readonly LinkFinding[] = [
  missingFile,
  missingAnchor,
  brokenLink,
  permanentRedirect,
  insecureLink,
];

/**
 * Every link of the site, checked once: `collect` keeps each file's links and anchors as plain
 * data (so worker threads and the findings cache work with links on, and an unchanged file is not
 * parsed again), and `finish` runs one local and one external check and reports each problem
 * under the ids that read it. The external check's options are `rules.links/broken.options`.
 */
export const linksRule: Rule = {
  meta: missingFile.meta,
  emits: FINDINGS.slice(1).map((f) => f.meta),
  check() {},
  collect: fileLinksOf,
  async finish(ctx) {
    const session = new LinkSession(ctx.run);
    for (const [file, data] of ctx.collected) session.add(file, data as FileLinks);
    for (const problem of await session.problems()) {
      const { file, link } = problem.at;
      for (const finding of FINDINGS) {
        const report = finding.report(problem, ctx.run);
        if (!report) continue;
        ctx.report(file, {
          ...report,
          ruleId: finding.meta.id,
          start: link.start,
          end: link.end,
          ...(link.exact ? {} : { suggestions: [], safeFix: false }),
        } as RuleReport);
      }
    }
  },
};
