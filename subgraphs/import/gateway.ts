import type { BatchOutcome, LedgerEntry } from "../lib/bulk-import";
import { SUBGRAPH_NAMES, type SubgraphName } from "../lib/config";
import type { TargetType } from "./references";
import { cachedLookup, type ImportTarget } from "./target";

// The gateway as an import target: every read and write is a GraphQL request to the gateway's public
// API (the subgraphs' import API, subgraphs/lib/import-api.ts), with the bearer token. Node's fetch
// keeps its connections alive, so a batch costs one request per subgraph section and no handshakes.

/** The scope the import operations need. */
const IMPORT_SCOPE = "write:import";
/** Ids per `existing<T>Ids` field (the gateway's default MAX_LIST_ITEMS; a smaller configured one is read from its refusal). */
const IDS_PER_FIELD = 100;
/** `existing<T>Ids` fields per request (under the default MAX_ROOT_FIELDS and MAX_ALIASES). */
const FIELDS_PER_REQUEST = 10;

/** A GraphQL error as the gateway returns it. */
interface GatewayError {
  message: string;
  extensions?: { code?: string; allowed?: number; limit?: string };
}

/** An error whose message is the one line the import prints. */
export class GatewayImportError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly allowed?: number,
  ) {
    super(message);
    this.name = "GatewayImportError";
  }
}

const capitalized = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** What the user must do about a refused request, in one line. */
function refusal(url: string, status: number, errors: GatewayError[] | undefined): GatewayImportError {
  const first = errors?.[0];
  const code = first?.extensions?.code;
  if (status === 401 || code === "UNAUTHENTICATED") {
    return new GatewayImportError(
      `the gateway at ${url} refused the token (401 UNAUTHENTICATED): pass a valid bearer token with scope ${IMPORT_SCOPE} (--token or IMPORT_TOKEN)`,
      "UNAUTHENTICATED",
    );
  }
  if (status === 403 || code === "FORBIDDEN") {
    return new GatewayImportError(
      `the token lacks scope ${IMPORT_SCOPE} (403 FORBIDDEN from ${url}): ask for a token that grants ${IMPORT_SCOPE}`,
      "FORBIDDEN",
    );
  }
  if (status === 413) {
    return new GatewayImportError(
      `a batch is larger than the gateway accepts (413 from ${url}): import with a smaller --batch-size, or raise the gateway's MAX_BODY`,
      "PAYLOAD_TOO_LARGE",
    );
  }
  if (first) return new GatewayImportError(`the gateway at ${url} answered: ${first.message}${code ? ` (${code})` : ""}`, code, first.extensions?.allowed);
  return new GatewayImportError(`the gateway at ${url} answered HTTP ${status}`);
}

/** Opens the gateway at `url` as an import target; every request carries `token` (when given). */
export async function openGatewayTarget(url: string, token: string | undefined): Promise<ImportTarget> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;

  async function request<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    let response: Response;
    try {
      response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new GatewayImportError(
        `the gateway at ${url} is not reachable (${cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))}): start it, or pass --gateway <url> (or --direct on the machine that holds the databases)`,
      );
    }
    const text = await response.text();
    let body: { data?: T; errors?: GatewayError[] } | undefined;
    try {
      body = JSON.parse(text) as { data?: T; errors?: GatewayError[] };
    } catch {
      body = undefined;
    }
    if (!response.ok || !body || body.errors?.length || !body.data) throw refusal(url, response.status, body?.errors);
    return body.data;
  }

  let idsPerField = IDS_PER_FIELD;
  /** One request of up to FIELDS_PER_REQUEST `existing<T>Ids` fields; shrinks the chunks when the gateway's MAX_LIST_ITEMS is lower. */
  async function existingChunk(type: TargetType, ids: string[]): Promise<string[]> {
    const chunks: string[][] = [];
    for (let start = 0; start < ids.length; start += idsPerField) chunks.push(ids.slice(start, start + idsPerField));
    const query = `query ImportExisting(${chunks.map((_, i) => `$ids${i}: [ID!]!`).join(", ")}) { ${chunks.map((_, i) => `f${i}: existing${type}Ids(ids: $ids${i})`).join(" ")} }`;
    try {
      const data = await request<Record<string, string[]>>(query, Object.fromEntries(chunks.map((chunk, i) => [`ids${i}`, chunk])));
      return Object.values(data).flat();
    } catch (error) {
      if (error instanceof GatewayImportError && error.code === "MAX_LIST_ITEMS_EXCEEDED" && error.allowed && error.allowed < idsPerField) {
        idsPerField = error.allowed;
        return (await Promise.all(splitIds(ids, idsPerField * FIELDS_PER_REQUEST).map((part) => existingChunk(type, part)))).flat();
      }
      throw error;
    }
  }

  const lookup = cachedLookup({
    async actorByName(name) {
      const data = await request<{ resolveActor: { score: number; actor: { id: string } }[] }>(
        "query ImportActorByName($name: String!) { resolveActor(name: $name, first: 1) { score actor { id } } }",
        { name },
      );
      const [best] = data.resolveActor;
      return best ? { id: best.actor.id, score: best.score } : null;
    },
    async placeByName(name, latitude, longitude) {
      const data = await request<{ resolvePlace: { place: { id: string; latitude: number | null; longitude: number | null } }[] }>(
        "query ImportPlaceByName($name: String!) { resolvePlace(name: $name, first: 5) { place { id latitude longitude } } }",
        { name },
      );
      const ranked = data.resolvePlace.map((match) => match.place);
      if (ranked.length === 0) return null;
      if (latitude === undefined || longitude === undefined) return { id: ranked[0].id };
      // Several places of that name: the one nearest the coordinates (or the best-named when none has any), as --direct does.
      const located = ranked.filter((place) => place.latitude !== null && place.longitude !== null);
      if (located.length === 0) return { id: ranked[0].id };
      const distance = (place: (typeof located)[number]) => (Number(place.latitude) - latitude) ** 2 + (Number(place.longitude) - longitude) ** 2;
      return { id: located.sort((a, b) => distance(a) - distance(b))[0].id };
    },
  });

  return {
    lookup,
    async existing(type: TargetType, ids: string[]) {
      const parts = splitIds(ids, idsPerField * FIELDS_PER_REQUEST);
      return new Set((await Promise.all(parts.map((part) => existingChunk(type, part)))).flat());
    },
    async committed(importId: string) {
      const query = `query ImportCommitted($importId: String!) { ${SUBGRAPH_NAMES.map((name) => `${name}: ${name}ImportBatches(importId: $importId) { batch checksum }`).join(" ")} }`;
      const data = await request<Record<SubgraphName, { batch: number; checksum: string }[]>>(query, { importId });
      const done = new Map<string, string>();
      for (const name of SUBGRAPH_NAMES) for (const row of data[name]) done.set(`${row.batch}:${name}`, row.checksum);
      return done;
    },
    async write(subgraph: SubgraphName, section: Record<string, unknown[]>, ledger: LedgerEntry): Promise<BatchOutcome> {
      const field = `import${capitalized(subgraph)}Batch`;
      const data = await request<Record<string, { written: boolean; rows: number }>>(
        `mutation Import($importId: String!, $batch: Int!, $checksum: String!, $section: String!) { result: ${field}(importId: $importId, batch: $batch, checksum: $checksum, section: $section) { written rows } }`,
        { importId: ledger.importId, batch: ledger.batch, checksum: ledger.checksum, section: JSON.stringify(section) },
      );
      return data.result;
    },
    async close() {},
  };
}

function splitIds(ids: string[], size: number): string[][] {
  const parts: string[][] = [];
  for (let start = 0; start < ids.length; start += size) parts.push(ids.slice(start, start + size));
  return parts;
}
