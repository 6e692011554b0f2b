import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../subgraphs/lib/paths";

/** One GraphQL request the benchmark sends, again and again. */
export interface Scenario {
  id: number;
  /** Short name for tables. */
  name: string;
  /** What it exercises, for the report. */
  description: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  /**
   * The distinct workload: the `n`-th candidate request of this scenario, all different from one
   * another (a query with variables, the variables drawn from the dataset's keys by `random`).
   */
  distinct(keys: DatasetKeys, n: number, random: () => number): Pick<Scenario, "query" | "variables">;
}

/** What distinct requests are drawn from: the dataset's incidents, newest first, each with the cursor that pages after it. */
export interface DatasetKeys {
  incidents: { id: string; cursor: string }[];
}

/** The example query of README.md (the ```graphql block under "## Example"), as the docs show it. */
export function readmeExampleQuery(): string {
  const readme = readFileSync(join(projectRoot(), "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Example"));
  const query = /```graphql\n([\s\S]*?)```/.exec(section)?.[1];
  if (!query) throw new Error("README.md has no ```graphql block under '## Example'");
  return query;
}

/** A page of incidents with participants (actor names) and statements (speaker names): three subgraphs. */
export const PAGE_QUERY = `query Page($first: Int!, $after: String) {
  incidents(first: $first, after: $after) {
    pageInfo { endCursor hasNextPage }
    edges { node {
      id title startsAt type
      participants { role basis actor { name } }
      statements { text speaker { name } }
    } }
  }
}`;

/** What the filter scenario selects of its page (both workloads). */
const FILTERED_SELECTION = `{
    totalCount
    edges { node {
      id title startsAt
      place { name }
      participants { role basis actor { name } }
    } }
  }`;

/** What the facets scenario selects (both workloads). */
const FACETS_SELECTION = `{
    total
    byDay { key count }
    byWeek { key count }
    byType { key count }
    byCountry { key count }
    byPerpetrator { actor { name } count }
  }`;

/** Filtered by country and full-text search, with participants. */
export const FILTERED_QUERY = `query Filtered($first: Int!) {
  incidents(first: $first, filter: { countryCodes: ["IQ"], search: "rocket" }) ${FILTERED_SELECTION}
}`;

/**
 * Scale mode: the first page of a filter + full-text search whose word is in 10 % of the generated
 * incidents (`TIMES_OF_DAY` in bench/generate.ts), with or without `totalCount`.
 */
export const SEARCH_PAGE_QUERY = `query SearchPage($first: Int!, $search: String!) {
  incidents(first: $first, filter: { countryCodes: ["IQ"], search: $search }) {
    pageInfo { endCursor hasNextPage }
    edges { node { id title startsAt place { name } participants { role basis actor { name } } } }
  }
}`;
export const SEARCH_COUNT_QUERY = `query SearchCount($first: Int!, $search: String!) {
  incidents(first: $first, filter: { countryCodes: ["IQ"], search: $search }) ${FILTERED_SELECTION}
}`;

/** Scale mode: the facets of scenario 4 without the perpetrators (whose list grows with the actors). */
export const FACET_COUNTS_QUERY = `query FacetCounts {
  incidentFacets(filter: { countryCodes: ["IQ"], types: [ROCKET, DRONE], from: "2031-01-01T00:00:00Z", to: "2032-12-31T23:59:59Z" }) {
    total
    byDay { key count }
    byWeek { key count }
    byType { key count }
    byCountry { key count }
  }
}`;

/** Every facet of a filtered set of incidents, perpetrators with their names. */
export const FACETS_QUERY = `query Facets {
  incidentFacets(filter: { countryCodes: ["IQ"], types: [ROCKET, DRONE], from: "2031-01-01T00:00:00Z", to: "2032-12-31T23:59:59Z" }) ${FACETS_SELECTION}
}`;

/** The README example with the incident's id as a variable (the distinct workload asks for every incident in turn). */
export function readmeExampleWithVariable(): string {
  const query = readmeExampleQuery()
    .replace(/^(\s*query\s+\w+)\s*\{/, "$1($id: ID!) {")
    .replace(/incident\(id:\s*"[^"]*"\)/, "incident(id: $id)");
  if (!query.includes("$id: ID!") || !query.includes("incident(id: $id)"))
    throw new Error('README.md\'s example no longer reads `query Name { incident(id: "...")`');
  return query;
}

/** FILTERED_QUERY with the whole filter and page size as variables. */
export const FILTERED_VARIABLE_QUERY = `query Filtered($first: Int!, $filter: IncidentFilter) {
  incidents(first: $first, filter: $filter) ${FILTERED_SELECTION}
}`;

/** FACETS_QUERY with the filter as a variable. */
export const FACETS_VARIABLE_QUERY = `query Facets($filter: IncidentFilter) {
  incidentFacets(filter: $filter) ${FACETS_SELECTION}
}`;

/** Every incident with the cursor that pages after it: what the distinct workload draws from. */
export const KEYS_QUERY = `query Keys($first: Int!, $after: String) {
  incidents(first: $first, after: $after) { pageInfo { endCursor hasNextPage } edges { cursor node { id } } }
}`;

/** Words of the generated titles (bench/generate.ts), searched by the distinct filter workload. */
const SEARCH_WORDS = ["rocket", "drone", "mortar", "barrage", "base", "convoy", "embassy", "airfield", "patrol", "depot"];
const COUNTRY_SETS = [["IQ"], ["SY"], ["IQ", "SY"]];
const TYPE_SETS = [["ROCKET"], ["DRONE"], ["ROCKET", "DRONE"], ["MORTAR", "MISSILE"], ["ROCKET", "DRONE", "MORTAR", "MISSILE"]];
const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)]!;
/** The first day of a month of the generated data's ten years (2030-2039). */
const monthStart = (month: number) => new Date(Date.UTC(2030, month, 1)).toISOString();

/** Only the cursor of a page: used to walk to a deep page. */
export const CURSOR_QUERY = `query Cursor($first: Int!, $after: String) {
  incidents(first: $first, after: $after) { pageInfo { endCursor hasNextPage } }
}`;

/** The four scenarios of the main table. */
export function scenarios(): Scenario[] {
  return [
    {
      id: 1,
      name: "readme-example",
      description: "README example: one incident, participants, evidence, statements, speakers' affiliations (3 subgraphs)",
      query: readmeExampleQuery(),
      distinct: (keys, n) => ({ query: readmeExampleWithVariable(), variables: { id: keys.incidents[n % keys.incidents.length]!.id } }),
    },
    {
      id: 2,
      name: "page-50",
      description: "incidents(first: 50) with participants { actor { name } } and statements { speaker { name } }",
      query: PAGE_QUERY,
      variables: { first: 50 },
      // The page of 50 after each incident in turn: pages that overlap, none alike.
      distinct: (keys, n) => ({ query: PAGE_QUERY, variables: { first: 50, after: keys.incidents[n % keys.incidents.length]!.cursor } }),
    },
    {
      id: 3,
      name: "filter+search",
      description: 'incidents(first: 20, filter: { countryCodes: ["IQ"], search: "rocket" }) with totalCount, place, participants',
      query: FILTERED_QUERY,
      variables: { first: 20 },
      distinct: (_keys, _n, random) => ({
        query: FILTERED_VARIABLE_QUERY,
        variables: {
          first: 10 + Math.floor(random() * 21),
          filter: { countryCodes: pick(COUNTRY_SETS, random), search: pick(SEARCH_WORDS, random), from: monthStart(Math.floor(random() * 108)) },
        },
      }),
    },
    {
      id: 4,
      name: "facets",
      description: "incidentFacets(IQ, ROCKET/DRONE, 2031-2032): total, byDay, byWeek, byType, byCountry, byPerpetrator { actor { name } }",
      query: FACETS_QUERY,
      distinct: (_keys, _n, random) => {
        const from = Math.floor(random() * 100);
        const months = 6 + Math.floor(random() * 19);
        return {
          query: FACETS_VARIABLE_QUERY,
          variables: {
            filter: { countryCodes: pick(COUNTRY_SETS, random), types: pick(TYPE_SETS, random), from: monthStart(from), to: monthStart(from + months) },
          },
        };
      },
    },
  ];
}

/** The JSON body of a scenario's POST. */
export function requestBody(scenario: Pick<Scenario, "query" | "variables" | "operationName">): string {
  return JSON.stringify({ query: scenario.query, variables: scenario.variables ?? {}, operationName: scenario.operationName });
}

/** How many different requests the distinct workload prepares per scenario (enough for a run without repeats). */
export const DISTINCT_REQUESTS = 10_000;

/** A small seeded generator (mulberry32): the same requests on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The bodies of a scenario's distinct workload: up to `count` requests, no two alike, in a fixed
 * order (the same on every run). Fewer when the scenario cannot make that many different ones.
 */
export function distinctBodies(scenario: Scenario, keys: DatasetKeys, count = DISTINCT_REQUESTS): string[] {
  const random = seeded(scenario.id * 7919);
  const bodies = new Set<string>();
  for (let n = 0; bodies.size < count && n < count * 4; n++) bodies.add(requestBody(scenario.distinct(keys, n, random)));
  return [...bodies];
}
