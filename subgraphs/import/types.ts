// The interface between the import command and its input readers (`.json`/`.ndjson` bundles here,
// ACLED `.csv` exports in `acled.ts`): a reader yields items (one bundle each) and problems, in input
// order; the engine batches the items and reports the problems with their file and line.

/** Something wrong with the input, where it is: the file, its line (1-based) and/or JSON path. */
export interface ImportProblem {
  file: string;
  line?: number;
  path?: string;
  message: string;
}

/** One unit for the engine: a bundle (same shape as a .json bundle file) from file:line. */
export interface ImportItem {
  file: string;
  line: number;
  bundle: Record<string, unknown>;
  /**
   * The input the bundle was mapped from, when that is not the bundle itself (an ACLED record): a
   * batch's ledger checksum is computed from it, because the mapping looks records up (actors,
   * places) and a re-import finds what the first import wrote.
   */
  input?: unknown;
}

/** Looks up existing records so ACLED rows reuse them: alias-aware actor matching, places by name/coords. */
export interface ImportLookup {
  actorByName(name: string): Promise<{ id: string; score: number } | null>;
  placeByName(name: string, latitude?: number, longitude?: number): Promise<{ id: string } | null>;
}

/** True when a reader's output is a problem rather than an item. */
export function isProblem(value: ImportItem | ImportProblem): value is ImportProblem {
  return "message" in value;
}
