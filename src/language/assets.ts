import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Finds a data file a package reads at run time. The bundle in dist/ has it copied beside itself
 * (see ASSETS in scripts/build.mjs); run from source, it is found in node_modules above this file.
 */
export function locateAsset(distName: string, packagePath: string): URL {
  const beside = new URL(distName, import.meta.url);
  if (existsSync(beside)) return beside;
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(folder, 'node_modules', packagePath);
    if (existsSync(candidate)) return pathToFileURL(candidate);
    const up = dirname(folder);
    if (up === folder) break;
    folder = up;
  }
  throw new Error(`cannot find ${distName} beside the program or ${packagePath} in node_modules`);
}

/** A data file of this project: beside the bundle in dist/, or at its path in the source tree. */
export function locateOwnAsset(distName: string, sourceRelative: string): URL {
  const beside = new URL(distName, import.meta.url);
  if (existsSync(beside)) return beside;
  return new URL(sourceRelative, import.meta.url);
}
