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
}
/** Looks up existing records so ACLED rows reuse them: alias-aware actor matching, places by name/coords. */
export interface ImportLookup {
  actorByName(name: string): Promise<{ id: string; score: number } | null>;
  placeByName(name: string, latitude?: number, longitude?: number): Promise<{ id: string } | null>;
}
