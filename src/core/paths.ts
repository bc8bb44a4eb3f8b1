import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * The repository a run may read and write in: the nearest folder at or above `cwd` that holds
 * `.git`, else `cwd` itself. Real path, so symbolic links cannot disguise a way out.
 */
export function workspaceRootOf(cwd: string): string {
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return realPath(dir);
    const up = dirname(dir);
    if (up === dir) return realPath(resolve(cwd));
    dir = up;
  }
}

/**
 * `path` with every symbolic link in it followed, also when its last parts do not exist yet (a
 * cache file to be written): the existing part is resolved and the rest appended.
 */
export function realPath(path: string): string {
  const absolute = resolve(path);
  let existing = absolute;
  const rest: string[] = [];
  for (let depth = 0; depth < 256; depth++) {
    try {
      return join(realpathSync(existing), ...rest);
    } catch (error) {
      // A loop of links (ELOOP) has no real path: treat it as the literal path, which isInside checks.
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') return absolute;
      const up = dirname(existing);
      if (up === existing) return absolute;
      rest.unshift(basename(existing));
      existing = up;
    }
  }
  return absolute;
}

/** Whether `path` (symbolic links followed) lies inside `root` (already a real path). */
export function isInside(root: string, path: string): boolean {
  return isWithin(root, realPath(path));
}

/** Whether the folder holding `path` lies inside `root` (the last step, a link or not, not followed). */
export function isPlacedInside(root: string, path: string): boolean {
  return isWithin(root, join(realPath(dirname(path)), basename(path)));
}

function isWithin(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot !== '..' && !fromRoot.startsWith(`..${sep}`) && !isAbsolute(fromRoot);
}
