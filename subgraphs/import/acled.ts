import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { parse } from "csv-parse";
import { acledBundle, holdsActor, isUnidentified, newActor, newPlace, type ResolvedActor, type ResolvedPlace, withoutQualifier } from "./acled-bundle";
import { type AcledActorCell, type AcledEvent, parseAcledRow } from "./acled-row";
import { ACLED_COLUMNS, type AcledColumn, REQUIRED_COLUMNS } from "./acled-vocabulary";
import type { ImportItem, ImportLookup, ImportProblem } from "./types";

// Reads an ACLED CSV export as a stream of bundles, one per row, in constant memory: csv-parse
// streams the file, each row is checked and mapped on its own, and the only state kept across rows
// is a bounded cache of name lookups (an export names the same few hundred actors and places over
// and over).

/** Below this similarity an existing actor is not taken for the one ACLED names. */
export const ACTOR_MATCH_MIN = 0.85;

/** Most names remembered per file; past it the cache starts again (lookups are correct, only slower). */
const CACHE_LIMIT = 20_000;

/** A memo of async lookups by key, bounded. */
function memo<T>(lookup: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let found = cache.get(key);
    if (!found) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      found = lookup(key);
      cache.set(key, found);
    }
    return found;
  };
}

/**
 * Counts lines the way a person reads the file. csv-parse's `info.lines` counts a CRLF inside a
 * quoted field as two lines (checked with csv-parse 7.0.3), so the line where a record ends is its
 * `info.lines` less the CRLFs seen inside fields so far; the line where it starts is that less the
 * line breaks inside its own fields.
 */
class LineCounter {
  private overcount = 0;

  /** The 1-based line a record starts on. */
  startOf(record: string[], reportedEnd: number): number {
    let breaks = 0;
    for (const field of record) {
      if (!field.includes("\n") && !field.includes("\r")) continue;
      this.overcount += field.match(/\r\n/g)?.length ?? 0;
      breaks += field.match(/\r\n|\r|\n/g)?.length ?? 0;
    }
    return reportedEnd - this.overcount - breaks;
  }

  /** The line an error was reported on, corrected the same way. */
  lineOf(reported: number): number {
    return reported - this.overcount;
  }
}

/** The header, checked: where each column is, or the problem with it. */
function readHeader(header: string[]): { index: Map<AcledColumn, number> } | { problem: string } {
  const index = new Map<AcledColumn, number>();
  header.forEach((name, i) => {
    const column = name.trim().toLowerCase() as AcledColumn;
    if ((ACLED_COLUMNS as readonly string[]).includes(column) && !index.has(column)) index.set(column, i);
  });
  const missing = REQUIRED_COLUMNS.filter((column) => !index.has(column));
  if (missing.length) {
    return {
      problem: `not an ACLED export: the header lacks ${missing.join(", ")} (found: ${header.join(", ") || "nothing"}). Export from ACLED with all columns, or add them.`,
    };
  }
  return { index };
}

/**
 * Streams an ACLED CSV export: one `ImportItem` (a bundle in the dataset format) per good row, and
 * for each bad row one `ImportProblem` per bad cell, with the file and the line the row starts on.
 * A header without ACLED's required columns gives one problem for the file and nothing else; a
 * row with broken quoting gives a problem and is skipped.
 * Actors are resolved through `lookup.actorByName` (alias-aware, with the period qualifier
 * "(2021-)" dropped on a second try) before a new one is made; places through
 * `lookup.placeByName` with the row's coordinates.
 */
export async function* readAcled(file: string, lookup: ImportLookup, onBytes?: (bytes: number) => void): AsyncIterable<ImportItem | ImportProblem> {
  const fileName = basename(file);
  const lines = new LineCounter();
  const actorByName = memo(async (name: string) => {
    const found = await lookup.actorByName(name);
    if (found && found.score >= ACTOR_MATCH_MIN) return found.id;
    const bare = withoutQualifier(name);
    if (bare !== name && bare !== "") {
      const second = await lookup.actorByName(bare);
      if (second && second.score >= ACTOR_MATCH_MIN) return second.id;
    }
    // ACLED codes a state's armed forces "Military Forces of <State>"; the dataset says "<State> military".
    const state = /^Military Forces of (?:the )?(.+)$/i.exec(bare)?.[1];
    if (!state) return null;
    const third = await lookup.actorByName(`${state} military`);
    return third && third.score >= ACTOR_MATCH_MIN ? third.id : null;
  });
  const placeByName = memo(async (key: string) => {
    const [name, latitude, longitude] = JSON.parse(key) as [string, number?, number?];
    return (await lookup.placeByName(name, latitude, longitude))?.id ?? null;
  });

  // A new actor is the same row wherever its name recurs (the first row's category decides its kind).
  const newActors = new Map<string, ReturnType<typeof newActor>>();
  const resolveActor = async (event: AcledEvent, cell: AcledActorCell): Promise<ResolvedActor> => {
    if (isUnidentified(cell)) {
      const created = newActor(event, cell);
      return { cell, actorId: created.id, created };
    }
    const existing = await actorByName(cell.name);
    let created = newActors.get(cell.name);
    if (!created) {
      if (newActors.size >= CACHE_LIMIT) newActors.clear();
      created = newActor(event, cell);
      newActors.set(cell.name, created);
    }
    // The actor an earlier import of this name created is written again as it was: a re-import maps
    // the row to the same bundle (same batch checksum) and changes nothing.
    if (existing && existing !== created.id) return { cell, actorId: existing };
    return { cell, actorId: created.id, created };
  };
  const resolvePlace = async (event: AcledEvent): Promise<ResolvedPlace> => {
    const existing = await placeByName(JSON.stringify([event.location, event.latitude, event.longitude]));
    const created = newPlace(event, await placeByName(JSON.stringify([event.country])));
    // As for actors: the place an earlier import created from this row is the same row again.
    if (existing && existing !== created.id) return { placeId: existing };
    return { placeId: created.id, created };
  };

  // A quoting error skips the broken record (csv-parse then finds the next one); the problems are
  // queued as the parser meets them, ahead of the records it has buffered, and yielded in line order.
  const skipped: ImportProblem[] = [];
  const parser = createReadStream(file).pipe(
    parse({
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      skip_records_with_error: true,
      on_skip: (error) => {
        const line = typeof error?.lines === "number" ? lines.lineOf(error.lines) : undefined;
        skipped.push({
          file,
          ...(line !== undefined ? { line } : {}),
          message: `the CSV's quoting is broken here (${error?.message ?? "unreadable record"}); this row, and any row its open quote ran into, were not imported: fix the quotes and import the file again`,
        });
      },
    }),
  );
  const skippedBefore = function* (line: number): Generator<ImportProblem> {
    while (skipped.length && (skipped[0].line ?? 0) <= line) yield skipped.shift()!;
  };
  let index: Map<AcledColumn, number> | undefined;
  let width = 0;
  let bytesRead = 0;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
    onBytes?.(info.bytes - bytesRead);
    bytesRead = info.bytes;
    const line = lines.startOf(record, info.lines);
    yield* skippedBefore(line);
    if (!index) {
      const header = readHeader(record);
      if ("problem" in header) {
        yield { file, line, message: header.problem };
        return;
      }
      index = header.index;
      width = record.length;
      continue;
    }
    if (record.length !== width) {
      yield { file, line, message: `the row has ${record.length} cells where the header has ${width} columns; check for an unquoted comma or a missing cell` };
      continue;
    }
    const columns = index;
    const cells = Object.fromEntries(ACLED_COLUMNS.map((column) => [column, columns.has(column) ? record[columns.get(column)!] : ""])) as Record<
      AcledColumn,
      string
    >;
    const parsed = parseAcledRow(cells);
    if ("problems" in parsed) {
      for (const problem of parsed.problems) yield { file, line, ...(problem.column ? { path: problem.column } : {}), message: problem.message };
      continue;
    }
    const { event } = parsed;
    const actors = await Promise.all(event.actors.filter(holdsActor).map((cell) => resolveActor(event, cell)));
    yield { file, line, input: record, bundle: { ...acledBundle(event, fileName, actors, await resolvePlace(event)) } };
  }
  yield* skippedBefore(Infinity);
  if (!index) yield { file, line: 1, message: "the file is empty; an ACLED export starts with a header row" };
}
