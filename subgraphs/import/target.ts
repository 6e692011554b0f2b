import type { BatchOutcome, LedgerEntry } from "../lib/bulk-import";
import type { SubgraphName } from "../lib/config";
import type { TargetType } from "./references";
import type { ImportLookup } from "./types";

/** Where an import writes: the databases on this machine (`--direct`), or the gateway. */
export interface ImportTarget {
  /** Which of `ids` exist as entities of `type`. */
  existing(type: TargetType, ids: string[]): Promise<Set<string>>;
  /** The batches of this import already committed: `<batch>:<subgraph>` → checksum. */
  committed(importId: string): Promise<Map<string, string>>;
  /** Writes one subgraph's section of one batch, with its ledger entry, in one transaction. */
  write(subgraph: SubgraphName, section: Record<string, unknown[]>, ledger: LedgerEntry): Promise<BatchOutcome>;
  /** Name lookups for readers that map foreign data (ACLED) onto existing records. */
  lookup: ImportLookup;
  close(): Promise<void>;
}

/** Caches an `ImportLookup`'s answers for one import (the same actor names come back on every row). */
export function cachedLookup(lookup: ImportLookup): ImportLookup {
  const actors = new Map<string, Promise<{ id: string; score: number } | null>>();
  const places = new Map<string, Promise<{ id: string } | null>>();
  return {
    actorByName(name) {
      let found = actors.get(name);
      if (!found) actors.set(name, (found = lookup.actorByName(name)));
      return found;
    },
    placeByName(name, latitude, longitude) {
      const key = `${name}\u0000${latitude ?? ""}\u0000${longitude ?? ""}`;
      let found = places.get(key);
      if (!found) places.set(key, (found = lookup.placeByName(name, latitude, longitude)));
      return found;
    },
  };
}
