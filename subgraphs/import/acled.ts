import type { ImportItem, ImportLookup, ImportProblem } from "./types";

// Placeholder: the ACLED reader is being written on another branch with this exact signature; this
// stub only lets the import command compile and route `.csv` files here until it is merged.

/** Reads an ACLED CSV export as bundles (not built yet on this branch). */
export async function* readAcled(file: string, lookup: ImportLookup): AsyncIterable<ImportItem | ImportProblem> {
  void lookup;
  throw new Error(`${file}: the ACLED reader is not built yet`);
}
