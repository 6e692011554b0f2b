import { parseArgs } from "node:util";
import type { Config } from "../lib/config";

/** What `npm run import` was asked to do. */
export interface ImportCommand {
  paths: string[];
  direct: boolean;
  gateway: string;
  token: string | undefined;
  dryRun: boolean;
  importId: string | undefined;
  batchSize: number;
  /** A batch also closes before a bundle would take its input past this many bytes (see `DIRECT_BATCH_BYTES`). */
  batchBytes: number;
  /** Print a line per committed batch (`committed batch N`) on stdout. */
  quiet: boolean;
}

/** A command line that cannot be run: exit code 2 with the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Bundles (incidents) per batch when `--batch-size` is not given (`--direct`). */
export const DEFAULT_BATCH_SIZE = 5000;
/**
 * The same through the gateway: a batch is one request per subgraph, and 500 generated incidents make
 * an incident section of about 0.6 MB of JSON text, well under the gateway's default MAX_BODY (2mb).
 */
export const GATEWAY_BATCH_SIZE = 500;
/**
 * A batch also closes before a bundle would take its input past this many bytes, however few bundles
 * it holds, so that memory stays flat whatever the bundles' sizes: a gazetteer bundle of 1,000 actors
 * is 200 times an incident's, and 150 of them in one batch held a gigabyte. 16 MB is above 5,000
 * generated incidents (about 13 MB), so incident batches keep their size.
 */
export const DIRECT_BATCH_BYTES = 16 * 2 ** 20;
/** The same through the gateway: each subgraph's section of a batch stays under the gateway's default MAX_BODY (2mb). */
export const GATEWAY_BATCH_BYTES = 1.5 * 2 ** 20;

export const USAGE = `usage: npm run import -- [options] <files or folders>

Imports article bundles (.json, the seed's format), streams of bundles (.ndjson, one per line) and
ACLED exports (.csv) into the subgraphs' databases. A re-run with the same input resumes a killed
import and changes nothing once it is complete.

options:
  --direct             write the databases on this machine (DATA_DIR, *_DATABASE_URL), not through the gateway
  --gateway <url>      the gateway to import through (default http://127.0.0.1:4000/)
  --token <jwt>        bearer token with scope write:import (default: IMPORT_TOKEN)
  --dry-run            validate everything and report every problem; write nothing
  --import-id <id>     the import's id in the ledger (default: a hash of the input and batch size)
  --batch-size <n>     bundles per batch, each one transaction per database (default ${GATEWAY_BATCH_SIZE}
                       through the gateway, ${DEFAULT_BATCH_SIZE} with --direct); a batch also closes at
                       ${GATEWAY_BATCH_BYTES / 2 ** 20} MB of input through the gateway, ${DIRECT_BATCH_BYTES / 2 ** 20} MB with --direct
  --quiet              no line per committed batch
  --help               this text

exit codes: 0 imported, 1 problems in the input (reported, with file and line), 2 usage or a bad setting`;

/** Parses the command line (`process.argv.slice(2)`), with the configuration's defaults; throws `UsageError`. */
export function parseImportCommand(args: string[], config: Pick<Config, "importToken">): ImportCommand | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        direct: { type: "boolean", default: false },
        gateway: { type: "string", default: "http://127.0.0.1:4000/" },
        token: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        "import-id": { type: "string" },
        "batch-size": { type: "string" },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  if (positionals.length === 0) throw new UsageError("no files or folders to import");
  const batchSize = values["batch-size"] === undefined ? (values.direct ? DEFAULT_BATCH_SIZE : GATEWAY_BATCH_SIZE) : Number(values["batch-size"]);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) throw new UsageError("--batch-size must be a whole number from 1 to 100000");
  const importId = values["import-id"];
  if (importId !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/.test(importId)) {
    throw new UsageError("--import-id must be 1 to 100 letters, digits and - _ . :, starting with a letter or digit");
  }
  try {
    new URL(values.gateway);
  } catch {
    throw new UsageError(`--gateway "${values.gateway}" is not a URL`);
  }
  return {
    paths: positionals,
    direct: values.direct,
    gateway: values.gateway,
    token: values.token ?? config.importToken,
    dryRun: values["dry-run"],
    importId,
    batchSize,
    batchBytes: values.direct ? DIRECT_BATCH_BYTES : GATEWAY_BATCH_BYTES,
    quiet: values.quiet,
  };
}
