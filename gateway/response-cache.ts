import { createHash } from "node:crypto";
import { type ApolloServerPlugin, type BaseContext, type GraphQLResponse, HeaderMap } from "@apollo/server";
import { BREAK, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, OperationTypeNode, print, visit } from "graphql";
import { Counter, type Registry } from "prom-client";
import { checkAccess, type SecurityRequirements } from "../subgraphs/lib/security";
import { CacheAdmission } from "./cache-admission";
import type { CacheStore } from "./cache-store";
import { SharedVersionRead } from "./data-versions";

/** What the response cache needs. */
export interface ResponseCacheOptions {
  store: CacheStore;
  /** How long an answer is kept (its key already changes on every write; the TTL only frees space). */
  ttlSeconds: number;
  /** Reads each subgraph's data version now, by the subgraph's name in the supergraph. */
  dataVersions: Record<string, () => Promise<number>>;
  /** The supergraph served: part of every key, so a new schema never answers from an old one's entries. */
  supergraphSdl: string;
  /** The security directives of the supergraph: an operation selecting a protected field is per-user data. */
  security: SecurityRequirements;
  /**
   * From which sighting of a query and its variables on the cache is used (`after`; 1: the first), and
   * how many recently seen keys are counted (`window`); see `CacheAdmission`. Default: every query from its first sighting.
   */
  admission?: { after: number; window: number };
}

/** Largest answer kept (bytes of JSON): a huge page is not worth holding in memory or Redis. */
const MAX_ENTRY_BYTES = 1_000_000;
/** Prefix of response entries in the store (Apollo Server puts automatic persisted queries under `apq:`). */
const RESPONSE_PREFIX = "response:";

/** What the cache decided for one operation, read when the response is sent. */
interface Decision {
  /** `bypass`: never cached (mutation, introspection, per-user data, a caller with a token); `cacheable`: a query anyone may share. */
  kind: "bypass" | "private" | "cacheable";
  /** The entry's key (also the ETag), when the subgraphs the plan touches and their versions are known. */
  key?: string;
  /** When the answer came from the cache: the time it was stored. */
  storedAt?: number;
}

/** Per operation of a document: whether anyone may share its answers. */
interface OperationFacts {
  shareable: boolean;
}

/** Per document, worked out once (Apollo Server keeps one parsed `DocumentNode` per document text). */
interface DocumentFacts {
  /** Hash of the printed document: whitespace and comments do not split entries. */
  hash: string;
  /** Selects `__schema`/`__type`, or uses `@defer`/`@stream`: never cached. */
  special: boolean;
  operations: Map<string, OperationFacts>;
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` variables make one key. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, inner]) => `${JSON.stringify(name)}:${canonicalJson(inner)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** True when `If-None-Match` names `etag` (or `*`); weak validators compare equal, as RFC 9110 says for GET. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || trimmed.replace(/^W\//, "") === etag;
  });
}

/** Every subgraph a query plan fetches from (fetch nodes anywhere: sequences, parallels, flattens, conditions, defers). */
function subgraphsOfPlan(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) {
    for (const inner of node) subgraphsOfPlan(inner, into);
  } else if (node !== null && typeof node === "object") {
    const fields = node as Record<string, unknown>;
    if (fields.kind === "Fetch" && typeof fields.serviceName === "string") into.add(fields.serviceName);
    for (const name of ["node", "nodes", "primary", "deferred", "ifClause", "elseClause", "rest"]) subgraphsOfPlan(fields[name], into);
  }
  return into;
}

/**
 * The gateway's response cache for whole operations. An answer is stored under a hash of the
 * supergraph, the normalized document, the operation name, the variables, and the data version of
 * every subgraph the operation's query plan fetches from. Versions are read from the subgraphs'
 * databases for each request (shared by the requests of one event-loop turn, see `SharedVersionRead`),
 * before the operation runs; a write moves its subgraph's version in its own transaction, so once it
 * is acknowledged no request can reach an answer stored before it: never stale, and nothing to evict.
 * Which subgraphs a plan touches comes from the gateway's own query plan (`notePlan`), learned on a
 * document's first run, which is therefore not cached. Only admitted queries (`CacheAdmission`: seen
 * often enough lately) read versions and use the store; the others simply run, so traffic that never
 * repeats pays nothing for the cache.
 *
 * Never cached: mutations, introspection, `@defer`/`@stream`, requests with an `Authorization`
 * header, operations that select a field under `@authenticated`/`@requiresScopes`, answers with
 * errors or not HTTP 200. Responses say `x-cache: hit|miss|bypass` (`age` on a hit), carry the key as
 * their `ETag` (`If-None-Match` with it gets 304, for GET and POST) and an honest `Cache-Control`:
 * `no-cache` (any write may change the data: revalidate with the ETag), `private, no-store` for a
 * caller with a token, `no-store` for the rest.
 */
export class ResponseCache {
  readonly hits = new Counter({ name: "response_cache_hits_total", help: "Operations answered from the response cache.", registers: [] });
  readonly misses = new Counter({
    name: "response_cache_misses_total",
    help: "Cacheable operations the response cache did not hold (they ran, and their answer was stored if it had no errors).",
    registers: [],
  });
  readonly notAdmitted = new Counter({
    name: "response_cache_not_admitted_total",
    help: "Cacheable operations run without reading data versions or using the store: their query and variables had not been seen often enough lately (RESPONSE_CACHE_ADMIT_AFTER).",
    registers: [],
  });
  private readonly documents = new WeakMap<DocumentNode, DocumentFacts>();
  /** The subgraphs each operation's plan fetches from, learned from the gateway (by document, then operation name). */
  private readonly plans = new WeakMap<DocumentNode, Map<string, readonly string[]>>();
  private readonly versions: Map<string, SharedVersionRead>;
  private readonly schemaHash: string;
  private readonly admission: CacheAdmission;

  constructor(private readonly options: ResponseCacheOptions) {
    this.admission = new CacheAdmission(options.admission?.after ?? 1, options.admission?.window ?? 1);
    this.versions = new Map(Object.entries(options.dataVersions).map(([name, read]) => [name, new SharedVersionRead(read)]));
    this.schemaHash = createHash("sha256").update(options.supergraphSdl).digest("base64url");
  }

  /** Adds the hit and miss counters to the gateway's registry. */
  register(registry: Registry): void {
    registry.registerMetric(this.hits);
    registry.registerMetric(this.misses);
    registry.registerMetric(this.notAdmitted);
  }

  /** Notes which subgraphs the gateway's plan for an operation fetches from (ApolloGateway's `experimental_didResolveQueryPlan`). */
  notePlan(document: DocumentNode, operationName: string | null | undefined, plan: { node?: unknown }): void {
    let byName = this.plans.get(document);
    if (!byName) this.plans.set(document, (byName = new Map()));
    const name = operationName ?? "";
    if (!byName.has(name)) byName.set(name, [...subgraphsOfPlan(plan.node, new Set())].sort());
  }

  /** The facts of a document, worked out on first sight. */
  private factsOf(document: DocumentNode): DocumentFacts {
    let facts = this.documents.get(document);
    if (!facts) {
      let special = false;
      visit(document, {
        Field(node) {
          if (node.name.value === "__schema" || node.name.value === "__type") return ((special = true), BREAK);
        },
        Directive(node) {
          if (node.name.value === "defer" || node.name.value === "stream") return ((special = true), BREAK);
        },
      });
      facts = { hash: createHash("sha256").update(print(document)).digest("base64url"), special, operations: new Map() };
      this.documents.set(document, facts);
    }
    return facts;
  }

  /** Whether anyone may share the answers of this operation: a query, nothing special, no field that needs a token. */
  private shareable(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    name: string,
  ): { facts: DocumentFacts; shareable: boolean } {
    const facts = this.factsOf(document);
    let known = facts.operations.get(name);
    if (!known) {
      const shareable =
        operation.operation === "query" && !facts.special && checkAccess(schema, document, operation, this.options.security, undefined) === undefined;
      facts.operations.set(name, (known = { shareable }));
    }
    return { facts, shareable: known.shareable };
  }

  /** What an operation asks, whatever the data: the document, the operation and the variables (the admission policy counts these). */
  private identityOf(facts: DocumentFacts, name: string, variables: unknown): string {
    return createHash("sha256")
      .update(canonicalJson([facts.hash, name, variables ?? {}]))
      .digest("base64url");
  }

  /** The key of an operation now: undefined when its plan is not known yet or a version cannot be read. */
  private async keyOf(identity: string, document: DocumentNode, name: string): Promise<string | undefined> {
    const subgraphs = this.plans.get(document)?.get(name);
    if (!subgraphs) return undefined;
    let versions: number[];
    try {
      versions = await Promise.all(subgraphs.map((subgraph) => this.versions.get(subgraph)?.latest() ?? Promise.reject(new Error(subgraph))));
    } catch {
      // A subgraph that cannot say its version is down or failing: its answer will not be stored anyway.
      return undefined;
    }
    const material = canonicalJson([this.schemaHash, identity, subgraphs, versions]);
    return createHash("sha256").update(material).digest("base64url");
  }

  /** The Apollo Server plugin that answers from the cache, stores answers and writes the caching headers. */
  plugin(): ApolloServerPlugin<BaseContext> {
    const store = this.options.store;
    const ttlSeconds = this.options.ttlSeconds;
    return {
      requestDidStart: async () => {
        const decision: Decision = { kind: "bypass" };
        return {
          responseForOperation: async ({ request, document, operation, operationName, schema }): Promise<GraphQLResponse | null> => {
            if (request.http?.headers.get("authorization")) {
              decision.kind = "private";
              return null;
            }
            if (!operation || operation.operation !== OperationTypeNode.QUERY) return null;
            const name = operationName ?? "";
            const { facts, shareable } = this.shareable(schema, document, operation, name);
            if (!shareable) return null;
            decision.kind = "cacheable";
            const identity = this.identityOf(facts, name, request.variables);
            if (!this.admission.admit(identity)) {
              this.notAdmitted.inc();
              return null;
            }
            const key = (decision.key = await this.keyOf(identity, document, name));
            if (key === undefined) {
              this.misses.inc();
              return null;
            }
            if (matches(request.http?.headers.get("if-none-match"), `"${key}"`)) {
              this.hits.inc();
              decision.storedAt = Date.now();
              return { http: { status: 304, headers: new HeaderMap() }, body: { kind: "single", singleResult: {} } };
            }
            const stored = await store.get(RESPONSE_PREFIX + key);
            if (stored === undefined) {
              this.misses.inc();
              return null;
            }
            const entry = JSON.parse(stored) as { at: number; result: Record<string, unknown> };
            this.hits.inc();
            decision.storedAt = entry.at;
            return { http: { status: 200, headers: new HeaderMap() }, body: { kind: "single", singleResult: entry.result } };
          },
          willSendResponse: async ({ response }) => {
            const headers = response.http.headers;
            const status = response.http.status ?? 200;
            const single = response.body.kind === "single" ? response.body.singleResult : undefined;
            const answered = single !== undefined && !single.errors?.length && (status === 200 || status === 304);
            if (decision.kind !== "cacheable" || !answered) {
              headers.set("cache-control", decision.kind === "private" ? "private, no-store" : "no-store");
              headers.set("x-cache", "bypass");
              return;
            }
            headers.set("cache-control", "no-cache");
            headers.set("x-cache", decision.storedAt === undefined ? "miss" : "hit");
            if (decision.key === undefined) return;
            headers.set("etag", `"${decision.key}"`);
            if (decision.storedAt !== undefined) {
              headers.set("age", String(Math.max(0, Math.floor((Date.now() - decision.storedAt) / 1000))));
              return;
            }
            const value = JSON.stringify({ at: Date.now(), result: single });
            // Stored before the answer leaves, so a client that saw it can count on the next request hitting.
            if (value.length <= MAX_ENTRY_BYTES) await store.set(RESPONSE_PREFIX + decision.key, value, ttlSeconds);
          },
        };
      },
    };
  }

  /** Closes the store (Redis's connection). */
  close(): Promise<void> {
    return this.options.store.close();
  }
}
