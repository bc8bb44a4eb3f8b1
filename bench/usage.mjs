// Preloaded into each benchmarked process: on exit, writes its CPU time and peak memory (worker
// threads included, they share the process) to the file named by BENCH_USAGE_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_USAGE_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKb: usage.maxRSS }),
    );
  });
}
