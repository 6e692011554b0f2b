import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The project's root folder (the one with package.json), whether the code runs compiled from
 * `dist/` or from source under ts-jest, where `__dirname` is one level shallower.
 */
export function projectRoot(start: string = __dirname): string {
  let dir = start;
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}`);
    dir = parent;
  }
  return dir;
}
