import type { GraphQLResolveInfo } from "graphql";
import type { NonEmptyArray } from "type-graphql";
import type { z } from "zod/v4";
import type { SubgraphName } from "./config";
import type { BatchOutcome, ImportOptions } from "./bulk-import";
import type { Database } from "./data-source";
import type { Logger } from "./logger";
import type { SchemaMigrations } from "./migrations";
import type { Principal } from "./security";

/** What every resolver of a subgraph receives as its context: one per operation, never shared. */
export interface SubgraphContext<Loaders> {
  db: Database;
  loaders: Loaders;
  limits: Limits;
  /**
   * Per-operation memo for loaders that depend on field arguments (one loader per distinct set of
   * arguments, shared by every parent that asks with those arguments): see `memoize`.
   */
  memo: Map<string, unknown>;
  /** The request's logger (every line carries its request id); undefined outside a request. */
  log?: Logger;
  /** The caller the gateway verified (from its bearer token); undefined for an anonymous one. Writes record its `sub`. */
  principal?: Principal;
}

/** The value memoized under `key` for this operation, made by `make` the first time. */
export function memoize<T>(context: { memo: Map<string, unknown> }, key: string, make: () => T): T {
  if (!context.memo.has(key)) context.memo.set(key, make());
  return context.memo.get(key) as T;
}

/** Limits resolvers enforce, from the configuration. */
export interface Limits {
  /** Largest `first`/`last` a connection accepts. */
  maxPageSize: number;
}

/** The limits used when the configuration gives none. */
export const DEFAULT_LIMITS: Limits = { maxPageSize: 100 };

/** Resolves an entity representation sent by the gateway (`{ __typename, id }`) to the full row. */
export type ReferenceResolver<Loaders> = (reference: { id: string }, context: SubgraphContext<Loaders>, info: GraphQLResolveInfo) => unknown;

/**
 * Everything that makes one subgraph, as data: the gateway, the schema generator, the tests and the
 * entry points all build a subgraph from this one description, so what is tested is what ships.
 */
export interface SubgraphModule<Loaders = unknown> {
  name: SubgraphName;
  /** TypeORM entities (the same classes are the GraphQL object types). */
  entities: Function[];
  /** type-graphql resolver classes. */
  resolvers: NonEmptyArray<Function>;
  /** Types reachable only through `_entities` (not from a root field). */
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type this subgraph owns; each must go through a loader. */
  references: Record<string, ReferenceResolver<Loaders>>;
  /** Makes a fresh set of DataLoaders; called once per operation. */
  createLoaders(db: Database): Loaders;
  /** The schema, as committed migrations per database kind (tables of the entities, and the full-text search structures). */
  migrations: SchemaMigrations;
  /** The schema of this subgraph's section of a dataset bundle (`dataset/*.json`), named after the subgraph. */
  bundleSection: z.ZodType;
  /** Imports its sections of the bundled dataset (`dataset/`) into an empty database (idempotent: existing ids are replaced). */
  seed(db: Database): Promise<void>;
  /**
   * Writes one batch of its section of bundles (validated with `bundleSection`) through the bulk
   * engine, in one transaction with its derived data and ledger entry (see `bulk-import.ts`).
   */
  importBatch(db: Database, section: Record<string, unknown>, options?: ImportOptions): Promise<BatchOutcome>;
}

/** Makes the per-operation context of a subgraph: fresh loaders over its database, the request's logger and the caller. */
export function createContext<Loaders>(
  module: SubgraphModule<Loaders>,
  db: Database,
  limits: Limits = DEFAULT_LIMITS,
  log?: Logger,
  principal?: Principal,
): SubgraphContext<Loaders> {
  return { db, loaders: module.createLoaders(db), limits, memo: new Map(), log, principal };
}
