// `npm run build`: the TypeScript build, one at a time. Every start script builds first, and the
// distributed layout's scripts are often started together (three terminals, a process manager): run
// at once, their compilers would write dist/ over each other. A lock directory serializes them; the
// later ones find dist/ up to date (the build is incremental) and finish in about a second.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const lock = join(root, "dist", ".build-lock");
/** A lock older than this was left by a build that died; it is taken over. */
const STALE_MS = 5 * 60_000;

async function acquire() {
  mkdirSync(join(root, "dist"), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    try {
      if (Date.now() - statSync(lock).mtimeMs > STALE_MS) rmSync(lock, { recursive: true, force: true });
    } catch {
      // Released meanwhile.
    }
    if (!announced) console.error("waiting for another build to finish...");
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

await acquire();
const release = () => rmSync(lock, { recursive: true, force: true });
const tsc = spawn(process.execPath, [createRequire(import.meta.url).resolve("typescript/bin/tsc"), "-p", root], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => tsc.kill(signal));
tsc.on("exit", (code, signal) => {
  release();
  process.exit(code ?? (signal ? 1 : 0));
});
