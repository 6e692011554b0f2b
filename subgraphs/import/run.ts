import { SUBGRAPHS } from "../index";
import { createHash, type Hash } from "node:crypto";
import { statSync } from "node:fs";
import { jsonPath } from "../lib/bundle-file";
import { SUBGRAPH_NAMES, type SubgraphName } from "../lib/config";
import { readAcled } from "./acled";
import { readJsonBundle, readNdjson } from "./inputs";
import type { ImportProgress } from "./progress";
import { CROSS_REFERENCES, referenceAt, TARGETS, type TargetType } from "./references";
import type { ImportTarget } from "./target";
import { type ImportItem, type ImportProblem, isProblem } from "./types";

/** What an import run needs: its input, batching, ledger id, and where to write (`dryRun`: nowhere). */
export interface ImportRun {
  files: string[];
  importId: string;
  batchSize: number;
  /** A batch also closes before a bundle would take its input past this many bytes (a bundle is never split). */
  batchBytes: number;
  dryRun: boolean;
  target: ImportTarget;
  /** Hears every problem as it is found. */
  onProblem(problem: ImportProblem): void;
  /** Hears each batch once all its subgraphs have committed it (or found it committed before). */
  onCommitted(batch: number, rows: number, resumed: boolean): void;
  progress?: ImportProgress;
}

/** What an import did. */
export interface ImportSummary {
  bundles: number;
  batches: number;
  /** Batches found committed already (a resumed import). */
  skipped: number;
  rows: number;
  problems: number;
}

/** Where a row of a batch came from, for its problems. */
interface Origin {
  file: string;
  line: number;
  /** Its index in the table of its bundle's section. */
  index: number;
}

/** One batch being assembled: each subgraph's section, its tables concatenated, rows with their origins. */
interface Batch {
  number: number;
  bundles: number;
  /** Bytes of the batch's input (as hashed). */
  bytes: number;
  sections: Record<SubgraphName, Record<string, unknown[]>>;
  origins: Map<unknown, Origin>;
  /** Hash of the batch's input, item by item (see `ImportItem.input`): its ledger checksums. */
  input: Hash;
}

function emptyBatch(number: number): Batch {
  return { number, bundles: 0, bytes: 0, sections: { incident: {}, actor: {}, statement: {} }, origins: new Map(), input: createHash("sha256") };
}

/** The input's items and problems, file by file, in order; the progress hears the bytes read. */
async function* readAll(run: ImportRun): AsyncIterable<ImportItem | ImportProblem> {
  for (const file of run.files) {
    let heard = 0;
    const onBytes = (bytes: number) => {
      heard += bytes;
      run.progress?.read(bytes);
    };
    if (file.endsWith(".ndjson")) yield* readNdjson(file, onBytes);
    else if (file.endsWith(".csv")) yield* readAcled(file, run.target.lookup, onBytes);
    else yield readJsonBundle(file);
    // What the reader does not count (a .json file is read whole, a CSV's last line break): the file is read.
    run.progress?.read(Math.max(0, statSync(file).size - heard));
  }
}

/** Validates one bundle with each subgraph's section schema: its sections, or every problem in it. */
function validate(item: ImportItem): { sections: Partial<Record<SubgraphName, Record<string, unknown[]>>> } | { problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const sections: Partial<Record<SubgraphName, Record<string, unknown[]>>> = {};
  for (const [key, value] of Object.entries(item.bundle)) {
    if (key === "$schema") continue;
    if (!(SUBGRAPH_NAMES as readonly string[]).includes(key)) {
      problems.push({ file: item.file, line: item.line, path: jsonPath([key]), message: `unknown section; the sections are ${SUBGRAPH_NAMES.join(", ")}` });
      continue;
    }
    const name = key as SubgraphName;
    const parsed = SUBGRAPHS[name].bundleSection.safeParse(value);
    if (parsed.success) sections[name] = parsed.data as Record<string, unknown[]>;
    else
      for (const issue of parsed.error.issues)
        problems.push({ file: item.file, line: item.line, path: jsonPath([name, ...issue.path]), message: issue.message });
  }
  return problems.length ? { problems } : { sections };
}

/** Ids of `type` a batch itself brings. */
function idsIn(batch: Batch, type: TargetType): Set<string> {
  const target = TARGETS[type];
  return new Set(((batch.sections[target.subgraph][target.sectionTable] ?? []) as { id: string }[]).map((row) => row.id));
}

/**
 * Checks the batch's cross-subgraph references: each must name an entity in its database, in this
 * batch, in the batch before it (committed before this one is written), or (dry run: nothing is
 * written) anywhere earlier in the import. Rows whose reference points nowhere are taken out and
 * reported. `known` carries what earlier batches proved, per type.
 */
async function checkReferences(run: ImportRun, batch: Batch, known: Record<TargetType, Set<string>>): Promise<number> {
  const inBatch = { Actor: idsIn(batch, "Actor"), Incident: idsIn(batch, "Incident"), Source: idsIn(batch, "Source") };
  const wanted = { Actor: new Set<string>(), Incident: new Set<string>(), Source: new Set<string>() };
  for (const reference of CROSS_REFERENCES) {
    for (const row of batch.sections[reference.subgraph][reference.table] ?? []) {
      const id = referenceAt(row, reference.path);
      if (id !== undefined && !inBatch[reference.type].has(id) && !known[reference.type].has(id)) wanted[reference.type].add(id);
    }
  }
  const found = {} as Record<TargetType, Set<string>>;
  for (const type of Object.keys(wanted) as TargetType[]) {
    found[type] = wanted[type].size ? await run.target.existing(type, [...wanted[type]]) : new Set();
    for (const id of found[type]) known[type].add(id);
  }
  let problems = 0;
  for (const reference of CROSS_REFERENCES) {
    const rows = batch.sections[reference.subgraph][reference.table];
    if (!rows) continue;
    batch.sections[reference.subgraph][reference.table] = rows.filter((row) => {
      const id = referenceAt(row, reference.path);
      if (id === undefined || !wanted[reference.type].has(id) || found[reference.type].has(id)) return true;
      const origin = batch.origins.get(row) as Origin;
      problems += 1;
      run.onProblem({
        file: origin.file,
        line: origin.line,
        path: jsonPath([reference.subgraph, reference.table, origin.index, ...reference.path]),
        message: `${reference.type} "${id}" does not exist (not in the database, nor earlier in this import); the row is not imported`,
      });
      return false;
    });
  }
  return problems;
}

/** Rows in a batch's sections. */
function rowCount(sections: Record<string, unknown[]>): number {
  return Object.values(sections).reduce((sum, rows) => sum + rows.length, 0);
}

/**
 * Streams the input into batches of `batchSize` bundles and writes each: every subgraph's section of
 * the batch in one transaction of its own database, with the batch's ledger entry, so a killed run
 * resumed with the same import id skips exactly the committed batches. Reading and checking the next
 * batch overlaps the writing of the one before. Problems are reported as found; rows with problems are
 * not written; a dry run writes nothing at all.
 */
export async function runImport(run: ImportRun): Promise<ImportSummary> {
  const summary: ImportSummary = { bundles: 0, batches: 0, skipped: 0, rows: 0, problems: 0 };
  const committed = run.dryRun ? new Map<string, string>() : await run.target.committed(run.importId);
  const seen = { Actor: new Set<string>(), Incident: new Set<string>(), Source: new Set<string>() };
  let previous = { Actor: new Set<string>(), Incident: new Set<string>(), Source: new Set<string>() };
  let writing: Promise<void> = Promise.resolve();
  let batch = emptyBatch(0);

  const report = (problem: ImportProblem) => {
    summary.problems += 1;
    run.onProblem(problem);
  };

  const flush = async (current: Batch) => {
    summary.batches += 1;
    // Of the input, not of the mapped rows: the same input is the same batch, whatever its lookups found.
    const input = current.input.digest("hex");
    const checksums = Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [name, createHash("sha256").update(`${name}\n${input}`).digest("hex").slice(0, 32)]),
    ) as Record<SubgraphName, string>;
    const subgraphs = SUBGRAPH_NAMES.filter((name) => rowCount(current.sections[name]) > 0);
    const done = subgraphs.filter((name) => committed.has(`${current.number}:${name}`));
    for (const name of done) {
      if (committed.get(`${current.number}:${name}`) !== checksums[name]) {
        throw new Error(
          `batch ${current.number} of import "${run.importId}" (${name}) was committed with different content: the input changed since; use a new --import-id`,
        );
      }
    }
    if (done.length === subgraphs.length && subgraphs.length > 0) {
      // Committed by an earlier run: nothing to check or write.
      await writing;
      summary.skipped += 1;
      run.progress?.bundles(current.bundles, 0);
      run.onCommitted(current.number, 0, true);
      return;
    }
    // Ids this batch brings count as known for the next one, which is written only after this one commits.
    const known = run.dryRun ? seen : { Actor: new Set([...previous.Actor]), Incident: new Set([...previous.Incident]), Source: new Set([...previous.Source]) };
    summary.problems += await checkReferences(run, current, known);
    const brought = { Actor: idsIn(current, "Actor"), Incident: idsIn(current, "Incident"), Source: idsIn(current, "Source") };
    if (run.dryRun) {
      for (const type of Object.keys(brought) as TargetType[]) for (const id of brought[type]) seen[type].add(id);
      run.progress?.bundles(current.bundles, 0);
      return;
    }
    await writing;
    previous = brought;
    writing = (async () => {
      const outcomes = await Promise.all(
        subgraphs
          .filter((name) => !done.includes(name))
          .map((name) =>
            run.target.write(name, current.sections[name], {
              importId: run.importId,
              batch: current.number,
              subgraph: name,
              rowCount: rowCount(current.sections[name]),
              checksum: checksums[name],
            }),
          ),
      );
      const rows = outcomes.reduce((sum, outcome) => sum + outcome.rows, 0);
      summary.rows += rows;
      run.progress?.bundles(current.bundles, rows);
      run.onCommitted(
        current.number,
        rows,
        outcomes.every((outcome) => !outcome.written),
      );
    })();
    // A failed write stops the import at the next batch (or at the end), never silently.
    writing.catch(() => undefined);
  };

  /** Writes (or starts writing) a full batch; the next one to fill. */
  const next = async (full: Batch): Promise<Batch> => {
    await flush(full);
    return emptyBatch(full.number + 1);
  };

  for await (const value of readAll(run)) {
    if (isProblem(value)) {
      report(value);
      continue;
    }
    const result = validate(value);
    if ("problems" in result) {
      for (const problem of result.problems) report(problem);
      continue;
    }
    const input = JSON.stringify(value.input ?? value.bundle);
    const bytes = Buffer.byteLength(input);
    // A bundle that would take the batch past its bytes starts the next one (a bundle is never split).
    if (batch.bundles > 0 && batch.bytes + bytes > run.batchBytes) batch = await next(batch);
    summary.bundles += 1;
    batch.bundles += 1;
    batch.bytes += bytes;
    batch.input.update(input).update("\n");
    for (const [name, section] of Object.entries(result.sections) as [SubgraphName, Record<string, unknown[]>][]) {
      for (const [table, rows] of Object.entries(section)) {
        const into = (batch.sections[name][table] ??= []);
        rows.forEach((row, index) => {
          batch.origins.set(row, { file: value.file, line: value.line, index });
          into.push(row);
        });
      }
    }
    if (batch.bundles >= run.batchSize) batch = await next(batch);
  }
  if (batch.bundles > 0) await flush(batch);
  await writing;
  return summary;
}
