import "reflect-metadata";
import { relative } from "node:path";
import { type Config, loadConfig, unknownVariables } from "./lib/config";
import { openDirectTarget } from "./import/direct";
import { openGatewayTarget } from "./import/gateway";
import { contentHash, inputFiles, totalBytes } from "./import/inputs";
import { type ImportCommand, parseImportCommand, USAGE, UsageError } from "./import/options";
import { createProgress } from "./import/progress";
import { type ImportSummary, runImport } from "./import/run";
import type { ImportProblem } from "./import/types";

// `npm run import -- [options] <files or folders>`: see USAGE in import/options.ts and the README.

function describe(problem: ImportProblem): string {
  const where = [relative(process.cwd(), problem.file) || problem.file, problem.line].filter((part) => part !== undefined).join(":");
  return `${where}: ${problem.path ? `${problem.path}: ` : ""}${problem.message}`;
}

async function main(command: ImportCommand, config: Config): Promise<number> {
  const files = inputFiles(command.paths);
  const importId = command.importId ?? `import-${await contentHash(files, `batch-size ${command.batchSize} batch-bytes ${command.batchBytes}`)}`;
  const target = command.direct ? await openDirectTarget(config, { dryRun: command.dryRun }) : await openGatewayTarget(command.gateway, command.token);
  console.log(`import ${importId}: ${files.length} file(s), ${command.direct ? "direct" : `through ${command.gateway}`}${command.dryRun ? ", dry run" : ""}`);
  const progress = createProgress(totalBytes(files));
  let problems = 0;
  try {
    let summary: ImportSummary;
    try {
      summary = await runImport({
        files,
        importId,
        batchSize: command.batchSize,
        batchBytes: command.batchBytes,
        dryRun: command.dryRun,
        target,
        progress,
        onProblem(problem) {
          problems += 1;
          progress.log(describe(problem), process.stderr);
        },
        onCommitted(batch, rows, resumed) {
          if (!command.quiet) progress.log(`committed batch ${batch}: ${resumed ? "already committed" : `${rows} rows`}`, process.stdout);
        },
      });
    } finally {
      // The terminal gets its cursor back and the final bar before any last line (a failure's too).
      progress.stop();
    }
    const verb = command.dryRun ? "checked" : "imported";
    console.log(
      `import ${importId}: ${verb} ${summary.bundles} bundles in ${summary.batches} batches (${summary.skipped} already committed), ${summary.rows} rows written, ${problems} problem(s), peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    );
    return problems > 0 ? 1 : 0;
  } finally {
    await target.close();
  }
}

let config: Config;
let command: ImportCommand | "help";
try {
  // The servers' configuration (DATA_DIR, *_DATABASE_URL for --direct, IMPORT_TOKEN), read and checked as they read it.
  config = loadConfig();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
for (const warning of unknownVariables()) console.error(warning);
try {
  command = parseImportCommand(process.argv.slice(2), config);
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(2);
}
if (command === "help") {
  console.log(USAGE);
  process.exit(0);
}
main(command, config).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
