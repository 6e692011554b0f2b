import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Where a Chromium may be: `CHROMIUM_PATH` first, then Debian's and Ubuntu's packages. */
const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter((path): path is string => Boolean(path));

/** The Chromium the browser tests drive; undefined on a machine without one (the tests then skip). */
export const CHROMIUM_PATH = CANDIDATES.find((path) => existsSync(path));

/**
 * Flags that keep Chromium quiet on a closed network (STACK.md): without the background-networking
 * ones it floods the machine with lookups of Google's services.
 */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** `describe`, or a skip that says why when no Chromium is installed. */
export const describeWithBrowser: (name: string, body: () => void) => void = CHROMIUM_PATH
  ? describe
  : (name, body) => {
      console.warn(
        `SKIPPED: "${name}" needs Chromium; none at ${CANDIDATES.join(", ")}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH to run it.`,
      );
      describe.skip(`${name} [skipped: no Chromium found]`, body);
    };

/**
 * Launches the installed Chromium headless. Playwright gives every `launch` a fresh temporary
 * `--user-data-dir` (and refuses one passed in `args`), so no profile, cache or storage is shared
 * between runs.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!CHROMIUM_PATH) throw new Error("No Chromium found");
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}
