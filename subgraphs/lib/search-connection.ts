import { Field, Float, Int, ObjectType } from "type-graphql";
import { badUserInput, checkLength, MAX_SEARCH_LENGTH } from "./errors";
import type { PageArgs } from "./connection";
import { isIntegerWithin, PageInfo, parseCursor } from "./connection";
import { type SearchIndex, searchTerms } from "./search-index";
import type { SubgraphContext } from "./subgraph-module";

/** A search hit as a connection edge. */
interface SearchEdge<T> {
  node: T;
  cursor: string;
  snippet: string;
  score: number;
}

/** The GraphQL classes of one search connection. */
export interface SearchConnectionClass<T> {
  new (): { edges: SearchEdge<T>[]; pageInfo: PageInfo; totalCount(): Promise<number> };
  from(edges: SearchEdge<T>[], pageInfo: PageInfo, count: () => Promise<number>): InstanceType<SearchConnectionClass<T>>;
}

/**
 * Makes a connection type for ranked full-text results: each edge carries the matching passage
 * (`snippet`, terms in [brackets]) and its relevance (`score`, higher is better).
 */
export function defineSearchConnection<T>(Node: new () => T, name: string, description: string): SearchConnectionClass<T> {
  @ObjectType(`${name}Edge`, { description: `One ${description} matching a search, with the passage that matched.` })
  class Edge {
    @Field(() => Node, { description: "The item." })
    node: T;

    @Field(() => String, { description: "Opaque cursor of this hit; pass it as `after`." })
    cursor: string;

    @Field(() => String, { description: "The passage that matched, search terms in [brackets]." })
    snippet: string;

    @Field(() => Float, { description: "Relevance: bm25 on SQLite, ts_rank_cd on PostgreSQL; higher is better. Compare only within one search." })
    score: number;
  }

  @ObjectType(`${name}Connection`, { description: `${description[0]?.toUpperCase()}${description.slice(1)}s matching a search, best first.` })
  class Connection {
    @Field(() => [Edge], { description: "The hits of this page." })
    edges: Edge[];

    @Field(() => PageInfo, { description: "Where this page sits in the results." })
    pageInfo: PageInfo;

    private count: () => Promise<number>;

    @Field(() => Int, { description: "How many items match." })
    totalCount(): Promise<number> {
      return this.count();
    }

    static from(edges: Edge[], pageInfo: PageInfo, count: () => Promise<number>): Connection {
      return Object.assign(new Connection(), { edges, pageInfo, count });
    }
  }
  return Connection;
}

/**
 * The deepest position a search cursor may hold. A forged `1e308` passes `Number.isInteger` but
 * is no SQL integer (SQLite: SQLITE_MISMATCH on OFFSET); a million hits is far past any real paging.
 */
export const MAX_SEARCH_OFFSET = 1_000_000;

// Ranked results page by position: a score is not a stable sort key (it changes as the corpus does).
const encode = (offset: number) => Buffer.from(JSON.stringify(["search", offset])).toString("base64url");
function decode(cursor: string): number {
  const parsed = parseCursor(cursor);
  if (Array.isArray(parsed) && parsed.length === 2 && parsed[0] === "search" && isIntegerWithin(parsed[1], MAX_SEARCH_OFFSET)) return parsed[1];
  throw badUserInput("after", "`after` is not a cursor from these search results. Pass the `endCursor` of a page you received.");
}

/** Runs one page of a full-text search and loads the matching rows (in one batch). */
export async function searchPage<T>(
  index: SearchIndex,
  Connection: SearchConnectionClass<T>,
  ctx: SubgraphContext<unknown>,
  text: string,
  page: PageArgs,
  loadMany: (ids: string[]) => Promise<(T | null | Error)[]>,
): Promise<InstanceType<SearchConnectionClass<T>>> {
  if (page.last != null || page.before != null) throw badUserInput("last", "Search results page forward only: use `first` and `after`.");
  const terms = searchTerms(checkLength("query", text, MAX_SEARCH_LENGTH));
  if (terms.length === 0) throw badUserInput("query", "`query` has no words to search for; give at least one word of two letters or more.");
  const max = ctx.limits.maxPageSize;
  const size = page.first ?? Math.min(20, max);
  if (!Number.isInteger(size) || size < 0 || size > max) throw badUserInput("first", `\`first\` must be between 0 and ${max} (got ${size}).`, { max });
  const offset = page.after != null ? decode(page.after) + 1 : 0;
  const hits = await index.search(ctx.db, terms, size + 1, offset);
  const shown = hits.slice(0, size);
  const nodes = await loadMany(shown.map((hit) => hit.id));
  const edges = shown.flatMap((hit, i) => {
    const node = nodes[i];
    return node && !(node instanceof Error) ? [{ node, cursor: encode(offset + i), snippet: hit.snippet, score: hit.score }] : [];
  });
  let total: Promise<number> | undefined;
  return Connection.from(
    edges,
    { hasNextPage: hits.length > size, hasPreviousPage: offset > 0, startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
    () => (total ??= index.count(ctx.db, terms)),
  );
}
