import { ArgsType, Directive, Field, Int, ObjectType } from "type-graphql";
import DataLoader from "dataloader";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { badUserInput } from "./errors";
import { tracedBatch } from "./loaders";
import { memoize } from "./subgraph-module";

@ObjectType({ description: "Where a page sits in its list (Relay cursor connections)." })
@Directive("@shareable")
export class PageInfo {
  @Field(() => Boolean, { description: "True when there are items after this page." })
  hasNextPage: boolean;

  @Field(() => Boolean, { description: "True when there are items before this page." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item of the page." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item of the page; pass it as `after` for the next page." })
  endCursor: string | null;
}

/** Relay paging arguments. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A page of rows, before it becomes a GraphQL connection object. */
export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
  /** Notes on how the filters were read (a name that matched nothing, which place a name meant). */
  hints?: string[];
}

/** The ordering of a list: a column, then the id as tie-breaker, both in one direction. */
export interface SortOrder<T> {
  /** SQL expression of the sort column (`i.startsAt`). */
  column: string;
  /** The value of that column for a row, as stored. */
  value: (row: T) => string | number;
  /** SQL expression of the id column (`i.id`). */
  idColumn: string;
  id: (row: T) => string;
  direction: "ASC" | "DESC";
}

/** Orders by `alias.property`, then `alias.id`, both in `direction` (the usual list order). */
export function sortBy<T extends { id: string }>(alias: string, property: keyof T & string, direction: "ASC" | "DESC"): SortOrder<T> {
  return {
    column: `${alias}.${property}`,
    value: (row) => row[property] as string | number,
    idColumn: `${alias}.id`,
    id: (row) => row.id,
    direction,
  };
}

/** The default and the largest page size, unless the configuration says otherwise. */
export const DEFAULT_PAGE_SIZE = 20;

// Keyset cursors: base64url of [sort value, id]. Opaque to clients, and stable across inserts
// (an offset cursor would shift by one for every row inserted before it).
function encodeCursor(value: string | number, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString("base64url");
}

/** Longest cursor accepted before decoding (ours hold a sort value and an id of a few dozen characters). */
const MAX_CURSOR_LENGTH = 4096;
/** Longest sort value or id a cursor may hold (the sort columns and ids are at most 200 characters). */
const MAX_CURSOR_TEXT = 512;

/**
 * Decodes a cursor's base64url JSON; undefined when it is too long or not JSON. Cursors are opaque
 * but not secret: anyone can forge one, so callers check every value before it reaches SQL.
 */
export function parseCursor(cursor: string): unknown {
  if (cursor.length > MAX_CURSOR_LENGTH) return undefined;
  try {
    return JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

/** True for an integer from 0 to `max` (never past 2^53, where numbers stop being exact). */
export function isIntegerWithin(value: unknown, max: number): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= max;
}

// A forged value must fail here, not in the database: a NUL byte is an error on PostgreSQL
// (invalid byte sequence), a huge or inexact number compares as nonsense, a 1 MB string is work.
const isCursorText = (value: unknown): value is string => typeof value === "string" && value.length <= MAX_CURSOR_TEXT && !/\p{Cc}/u.test(value);
const isCursorValue = (value: unknown): value is string | number => isCursorText(value) || Number.isSafeInteger(value);

function decodeCursor(argument: string, cursor: string): [string | number, string] {
  const parsed = parseCursor(cursor);
  if (Array.isArray(parsed) && parsed.length === 2 && isCursorValue(parsed[0]) && isCursorText(parsed[1]) && parsed[1].length > 0) {
    return [parsed[0], parsed[1]];
  }
  throw badUserInput(
    argument,
    `\`${argument}\` is not a cursor from this list. Pass the \`endCursor\` (or \`startCursor\`) of a page you received, or leave it out to start from the beginning.`,
  );
}

function checkSize(argument: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw badUserInput(argument, `\`${argument}\` must be between 0 and ${max} (got ${value}); fetch more with further pages (\`after\`/\`before\`).`, { max });
  }
  return value;
}

/**
 * How many rows a page of these arguments reads at most (its size and one more), clamped to the
 * limits, before `paginate` checks them: for a filter that writes its conditions for a page.
 */
export function pageRows(args: PageArgs, maxPageSize: number): number {
  const size = Number(args.last ?? args.first ?? Math.min(DEFAULT_PAGE_SIZE, maxPageSize));
  return Math.min(Math.max(Number.isInteger(size) ? size : 0, 0), maxPageSize) + 1;
}

/**
 * Runs one page of a keyset-paginated list: at most one query for the rows (`limit + 1` to learn
 * whether more follow), and a count query only if `totalCount` is asked for (`count`, when the
 * query is written for walking a page rather than for counting; else the query's own conditions).
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
  order: SortOrder<T>,
  maxPageSize: number,
  count?: () => Promise<number>,
): Promise<Page<T>> {
  if (args.first != null && args.last != null) throw badUserInput("first", "Pass either `first` (with `after`) or `last` (with `before`), not both.");
  const backward = args.last != null || (args.before != null && args.first == null);
  const size = backward
    ? checkSize("last", args.last ?? DEFAULT_PAGE_SIZE, maxPageSize)
    : checkSize("first", args.first ?? Math.min(DEFAULT_PAGE_SIZE, maxPageSize), maxPageSize);
  const counted = query.clone();

  // Walking backward flips the order; the page is flipped back at the end.
  const forward = backward ? (order.direction === "ASC" ? "DESC" : "ASC") : order.direction;
  const cursorArgument = backward ? "before" : "after";
  const cursor = backward ? args.before : args.after;
  if (cursor != null) {
    const [value, id] = decodeCursor(cursorArgument, cursor);
    const op = forward === "DESC" ? "<" : ">";
    query.andWhere(`(${order.column} ${op} :cursorValue OR (${order.column} = :cursorValue AND ${order.idColumn} ${op} :cursorId))`, {
      cursorValue: value,
      cursorId: id,
    });
  }
  const rows =
    size === 0
      ? []
      : await query
          .orderBy(order.column, forward)
          .addOrderBy(order.idColumn, forward)
          .limit(size + 1)
          .getMany();
  const more = rows.length > size;
  const page = rows.slice(0, size);
  if (backward) page.reverse();
  const edges = page.map((node) => ({ node, cursor: encodeCursor(order.value(node), order.id(node)) }));
  let total: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: backward ? cursor != null : more,
      hasPreviousPage: backward ? more : cursor != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: () => (total ??= count ? count() : counted.getCount()),
  };
}

/** The GraphQL classes of one connection: `<Name>Connection` and `<Name>Edge`. */
export interface ConnectionClass<T> {
  new (): { edges: { cursor: string; node: T }[]; pageInfo: PageInfo; totalCount(): Promise<number>; hints: string[] };
  from(page: Page<T>, hints?: string[]): InstanceType<ConnectionClass<T>>;
}

/**
 * Makes the Relay connection type for a node type. `totalCount` is a method, so its count query
 * runs only when a client asks for it.
 */
export function defineConnection<T>(Node: new () => T, name: string, description: string): ConnectionClass<T> {
  @ObjectType(`${name}Edge`, { description: `One ${description} in a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: "Opaque cursor of this item; pass it as `after` or `before`." })
    cursor: string;

    @Field(() => Node, { description: "The item." })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${description}s (Relay cursor connection).` })
  class Connection {
    @Field(() => [Edge], { description: "The items of this page, each with its cursor." })
    edges: Edge[];

    @Field(() => PageInfo, { description: "Where this page sits in the list." })
    pageInfo: PageInfo;

    private count: () => Promise<number>;

    @Field(() => Int, { description: "How many items the whole list (with its filters) has." })
    totalCount(): Promise<number> {
      return this.count();
    }

    @Field(() => [String], { description: "Notes on how the filters were read: a name that matched nothing, or which place a name was taken to mean." })
    hints: string[];

    static from(page: Page<T>, hints: string[] = page.hints ?? []): Connection {
      return Object.assign(new Connection(), { edges: page.edges, pageInfo: page.pageInfo, count: page.totalCount, hints });
    }
  }
  return Connection;
}

/** The Relay paging arguments, shared by every connection field. */
@ArgsType()
export class PageArgsInput implements PageArgs {
  @Field(() => Int, { nullable: true, description: "Page size when paging forward (default 20; at most the configured maximum, 100 unless changed)." })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Start after this cursor (an `endCursor` you received)." })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: "Page size when paging backward." })
  last?: number | null;

  @Field(() => String, { nullable: true, description: "End before this cursor (a `startCursor` you received)." })
  before?: string | null;
}

/** One group's page of ids, from `pageGroups`. */
export interface GroupPage {
  rows: { id: string; sortValue: string | number }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** What `pageGroups` needs: rows joined to their group key, and the list order. */
export interface GroupPageRequest<T extends ObjectLiteral> {
  /** Rows (already filtered), joined so that `groupColumn` can be selected. */
  query: SelectQueryBuilder<T>;
  /** SQL expression of the group key (`pp."actorId"`). */
  groupColumn: string;
  args: PageArgs;
  order: SortOrder<T>;
  maxPageSize: number;
}

/**
 * One forward page for every group at once (the same `first`/`after` for each), in ONE statement:
 * the rows are numbered within their group (`ROW_NUMBER() OVER (PARTITION BY ...)`, on SQLite 3.25+
 * and PostgreSQL) and the first `first + 1` of each kept. This is what keeps a nested connection
 * such as `Actor.incidents` batched: the statement count does not grow with the number of parents.
 */
export async function pageGroups<T extends ObjectLiteral>(request: GroupPageRequest<T>): Promise<Map<string, GroupPage>> {
  const { query, groupColumn, args, order, maxPageSize } = request;
  if (args.last != null || args.before != null) throw badUserInput("last", "Nested lists page forward only: use `first` and `after`.");
  const size = checkSize("first", args.first ?? Math.min(DEFAULT_PAGE_SIZE, maxPageSize), maxPageSize);
  if (args.after != null) {
    const [value, id] = decodeCursor("after", args.after);
    const op = order.direction === "DESC" ? "<" : ">";
    query.andWhere(`(${order.column} ${op} :groupCursorValue OR (${order.column} = :groupCursorValue AND ${order.idColumn} ${op} :groupCursorId))`, {
      groupCursorValue: value,
      groupCursorId: id,
    });
  }
  const numbered = query
    .select(`${groupColumn}`, "g")
    .addSelect(order.idColumn, "id")
    .addSelect(order.column, "sv")
    .addSelect(`ROW_NUMBER() OVER (PARTITION BY ${groupColumn} ORDER BY ${order.column} ${order.direction}, ${order.idColumn} ${order.direction})`, "rn");
  const [sql, parameters] = numbered.getQueryAndParameters();
  const rows: { g: string; id: string; sv: string | number; rn: number | string }[] =
    size === 0 ? [] : await query.connection.query(`SELECT g, id, sv FROM (${sql}) numbered WHERE rn <= ${size + 1} ORDER BY g, rn`, parameters);
  const pages = new Map<string, GroupPage>();
  for (const row of rows) {
    const page = pages.get(row.g) ?? { rows: [], hasNextPage: false, hasPreviousPage: args.after != null };
    if (page.rows.length < size) page.rows.push({ id: row.id, sortValue: row.sv });
    else page.hasNextPage = true;
    pages.set(row.g, page);
  }
  return pages;
}

/** Turns a group's page of ids into a `Page`, given the rows loaded for those ids. */
export function groupPage<T>(
  page: GroupPage | undefined,
  nodes: (T | null | Error)[],
  after: string | null | undefined,
  totalCount: () => Promise<number>,
): Page<T> {
  const edges = (page?.rows ?? []).flatMap((row, index) => {
    const node = nodes[index];
    return node && !(node instanceof Error) ? [{ node, cursor: encodeCursor(row.sortValue, row.id) }] : [];
  });
  return {
    edges,
    pageInfo: {
      hasNextPage: page?.hasNextPage ?? false,
      hasPreviousPage: after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}

/** What `nestedPage` needs to page a list that hangs off many parents at once. */
export interface NestedPageRequest<T extends ObjectLiteral> {
  /** The per-operation memo (the subgraph context), where the batch loaders live. */
  context: { memo: Map<string, unknown> };
  /** Names this list and its arguments: parents asking with the same key share one batch. */
  key: string;
  parentId: string;
  args: PageArgs;
  order: SortOrder<T>;
  /** SQL expression of the parent key in `query` (`pp."actorId"`). */
  groupColumn: string;
  maxPageSize: number;
  /** A fresh, filtered query over the rows of these parents (joined so that `groupColumn` exists). */
  query: (parentIds: readonly string[]) => Promise<SelectQueryBuilder<T>>;
  /** Loads rows by id (through the subgraph's loader). */
  load: (ids: string[]) => Promise<(T | null | Error)[]>;
}

/**
 * One page of a nested connection (`Actor.incidents`) for one parent, batched with every other
 * parent of the operation that asks with the same arguments: one statement for all their pages
 * (`pageGroups`), one grouped COUNT if `totalCount` is asked for, one load of the rows.
 */
export async function nestedPage<T extends ObjectLiteral>(request: NestedPageRequest<T>): Promise<Page<T>> {
  const { context, key, query, groupColumn } = request;
  const pages = memoize(
    context,
    `${key}:pages`,
    () =>
      new DataLoader<string, GroupPage | undefined>(
        tracedBatch(`pages by ${groupColumn}`, async (parentIds) => {
          const rows = await query(parentIds);
          const byParent = await pageGroups({ query: rows, groupColumn, args: request.args, order: request.order, maxPageSize: request.maxPageSize });
          return parentIds.map((id) => byParent.get(id));
        }),
      ),
  );
  const counts = memoize(
    context,
    `${key}:counts`,
    () =>
      new DataLoader<string, number>(
        tracedBatch(`counts by ${groupColumn}`, async (parentIds) => {
          const rows = await (
            await query(parentIds)
          )
            .select(groupColumn, "g")
            .addSelect("COUNT(*)", "n")
            .groupBy(groupColumn)
            .getRawMany<{ g: string; n: string | number }>();
          const byParent = new Map(rows.map((row) => [row.g, Number(row.n)]));
          return parentIds.map((id) => byParent.get(id) ?? 0);
        }),
      ),
  );
  const group = await pages.load(request.parentId);
  const nodes = await request.load((group?.rows ?? []).map((row) => row.id));
  return groupPage(group, nodes, request.args.after, () => counts.load(request.parentId));
}
