import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { z } from "zod/v4";
import { SUBGRAPH_NAMES } from "./config";
import { projectRoot } from "./paths";

// A bundle is one JSON file: `{ "$schema"?, "<subgraph>": { "<table>": [rows...] }, ... }`. Each
// subgraph owns the section named after it and validates it with its own schema; this file knows
// only the envelope, so a subgraph deployed alone reads its sections without the others' code.

/** The bundled dataset: `dataset/` at the project root (`common.json`, `articles/*.json`). */
export function datasetDir(): string {
  return join(projectRoot(), "dataset");
}

/** A bundle that cannot be imported: names the file and the JSON path of the first problem. */
export class BundleError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${file}: ${path}: ${problem}`);
    this.name = "BundleError";
  }
}

/** `["incident", "incidents", 3, "type"]` as `$.incident.incidents[3].type`. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((path, key) => (typeof key === "number" ? `${path}[${key}]` : `${path}.${String(key)}`), "$");
}

/**
 * The bundle files under `dir`, in import order: the files at the top (the shared gazetteer and
 * actors) before those in sub-folders (one per article), each level sorted by name. Schema files
 * (`*.schema.json`) are not bundles.
 */
export function bundleFiles(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  const here = entries.filter((entry) => entry.isFile() && entry.name.endsWith(".json") && !entry.name.endsWith(".schema.json"));
  const below = entries.filter((entry) => entry.isDirectory());
  return [...here.map((entry) => join(dir, entry.name)), ...below.flatMap((entry) => bundleFiles(join(dir, entry.name)))];
}

/**
 * The envelope every bundle shares, with each subgraph's section schema plugged in: the one schema
 * a whole bundle is validated against (and published as JSON Schema).
 */
export function bundleSchema<Sections extends Record<string, z.ZodType>>(sections: Sections) {
  const optional = Object.fromEntries(Object.entries(sections).map(([name, schema]) => [name, schema.optional()])) as {
    [K in keyof Sections]: z.ZodOptional<Sections[K]>;
  };
  return z
    .strictObject({
      $schema: z.string().optional().describe("Path of the JSON Schema of bundles, for editors."),
      ...optional,
    })
    .describe(
      "An article bundle: the facts one source article brings (or the shared gazetteer and actors), in one section per owning subgraph. Every section and every table is optional; rows refer to each other by stable id, across bundles too.",
    );
}

const envelope = z.record(z.string(), z.unknown());

/** Reads and parses one bundle file and checks its envelope (a JSON object of known sections). */
function readEnvelope(file: string, shown: string): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new BundleError(shown, "$", `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = envelope.safeParse(json);
  if (!parsed.success) throw new BundleError(shown, "$", "a bundle is a JSON object of sections");
  for (const key of Object.keys(parsed.data)) {
    if (key !== "$schema" && !(SUBGRAPH_NAMES as readonly string[]).includes(key)) {
      throw new BundleError(shown, jsonPath([key]), `unknown section; the sections are ${SUBGRAPH_NAMES.join(", ")}`);
    }
  }
  return parsed.data;
}

/** One validated section of one bundle file. */
export interface BundleSection<T> {
  /** The file, relative to the dataset folder. */
  file: string;
  section: T;
}

/**
 * The section `owner` of every bundle under `dir`, validated with `schema`, in import order.
 * Throws a `BundleError` naming the file and the JSON path (`$.actor.aliases[3].kind`) of the first
 * problem, so a fact is fixed where it is written.
 */
export function readSections<T>(dir: string, owner: string, schema: z.ZodType<T>): BundleSection<T>[] {
  return bundleFiles(dir).flatMap((file) => {
    const shown = relative(dir, file);
    const bundle = readEnvelope(file, shown);
    if (bundle[owner] === undefined) return [];
    const parsed = schema.safeParse(bundle[owner]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new BundleError(shown, jsonPath([owner, ...issue.path]), issue.message);
    }
    return [{ file: shown, section: parsed.data }];
  });
}

/**
 * The dataset one subgraph imports: its section of every bundle under `dir`, validated, with each
 * table concatenated in import order and present (empty when no bundle has it).
 */
export function readDataset<Tables extends { [K in keyof Tables]: unknown[] }>(
  dir: string,
  owner: string,
  schema: z.ZodType<Partial<Tables>>,
  tables: readonly (keyof Tables)[],
): Tables {
  const sections = readSections(dir, owner, schema).map(({ section }) => section);
  return Object.fromEntries(tables.map((table) => [table, sections.flatMap((section) => section[table] ?? [])])) as Tables;
}

/** A row's stable id, as the 64-character key columns hold it. */
export const rowId = z.string().min(1).max(64).meta({ id: "Id" });
