// Some tests start the system the way an operator does, as separate `node dist/...` processes: build
// dist once before any test file runs (incremental, so about a second when nothing changed).
// Jest loads this file as CommonJS before any transform runs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { execFileSync } = require("node:child_process");

module.exports = function buildDist() {
  execFileSync(process.execPath, ["tools/build.mjs"], { cwd: __dirname + "/..", stdio: "inherit" });
};
