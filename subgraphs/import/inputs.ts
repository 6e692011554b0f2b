import { createHash } from "node:crypto";
import { createReadStream, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { UsageError } from "./options";
import type { ImportItem, ImportProblem } from "./types";

/** The input formats, by file extension. */
const FORMATS = [".json", ".ndjson", ".csv"];

/**
 * The files to import, in order: each argument as given; a folder's files (`.json`, `.ndjson`,
 * `.csv`; not `*.schema.json`) sorted by name, its files before its sub-folders' (the dataset's order:
 * the shared gazetteer and actors before the articles).
 */
export function inputFiles(paths: string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.isFile() && FORMATS.includes(extname(entry.name)) && !entry.name.endsWith(".schema.json")) files.push(join(dir, entry.name));
    }
    for (const entry of entries) if (entry.isDirectory()) walk(join(dir, entry.name));
  };
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new UsageError(`${path}: no such file or folder`);
    }
    if (stats.isDirectory()) walk(path);
    else if (FORMATS.includes(extname(path))) files.push(path);
    else throw new UsageError(`${path}: not a .json, .ndjson or .csv file`);
  }
  return files;
}

/** A hash of the files' names and contents, streamed: the default import id, so a re-run resumes. */
export async function contentHash(files: string[], salt: string): Promise<string> {
  const hash = createHash("sha256").update(salt);
  for (const file of files) {
    hash.update(`\n${file}\n`);
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  }
  return hash.digest("hex").slice(0, 24);
}

/** Total bytes of the files (the progress bar's measure of the input read so far). */
export function totalBytes(files: string[]): number {
  return files.reduce((sum, file) => sum + statSync(file).size, 0);
}

function asBundle(json: unknown): Record<string, unknown> | undefined {
  return json !== null && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
}

/** A `.json` bundle file: one item (line 1), or a problem. */
export function readJsonBundle(file: string): ImportItem | ImportProblem {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    return { file, line: 1, path: "$", message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const bundle = asBundle(json);
  return bundle ? { file, line: 1, bundle } : { file, line: 1, path: "$", message: "a bundle is a JSON object of sections" };
}

/**
 * A `.ndjson` file, one bundle per line (blank lines skipped), streamed in constant memory. `onBytes`
 * hears how much of the file was read.
 */
export async function* readNdjson(file: string, onBytes?: (bytes: number) => void): AsyncIterable<ImportItem | ImportProblem> {
  // The stream's own async iterator, not readline's: it reads the next chunk only when asked, so a
  // slow import holds one chunk in memory, never the rest of the file.
  const stream = createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 });
  let line = 0;
  let rest = "";
  const parse = (text: string): ImportItem | ImportProblem | undefined => {
    line += 1;
    onBytes?.(Buffer.byteLength(text) + 1);
    if (text.trim() === "") return undefined;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return { file, line, path: "$", message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
    }
    const bundle = asBundle(json);
    return bundle ? { file, line, bundle } : { file, line, path: "$", message: "a bundle is a JSON object of sections" };
  };
  for await (const chunk of stream as AsyncIterable<string>) {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop() ?? "";
    for (const text of lines) {
      const value = parse(text.endsWith("\r") ? text.slice(0, -1) : text);
      if (value) yield value;
    }
  }
  if (rest !== "") {
    const value = parse(rest);
    if (value) yield value;
  }
}
