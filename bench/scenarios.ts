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

/** Filtered by country and full-text search, with participants. */
export const FILTERED_QUERY = `query Filtered($first: Int!) {
  incidents(first: $first, filter: { countryCodes: ["IQ"], search: "rocket" }) {
    totalCount
    edges { node {
      id title startsAt
      place { name }
      participants { role basis actor { name } }
    } }
  }
}`;

/** Every facet of a filtered set of incidents, perpetrators with their names. */
export const FACETS_QUERY = `query Facets {
  incidentFacets(filter: { countryCodes: ["IQ"], types: [ROCKET, DRONE], from: "2031-01-01T00:00:00Z", to: "2032-12-31T23:59:59Z" }) {
    total
    byDay { key count }
    byWeek { key count }
    byType { key count }
    byCountry { key count }
    byPerpetrator { actor { name } count }
  }
}`;

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
    },
    {
      id: 2,
      name: "page-50",
      description: "incidents(first: 50) with participants { actor { name } } and statements { speaker { name } }",
      query: PAGE_QUERY,
      variables: { first: 50 },
    },
    {
      id: 3,
      name: "filter+search",
      description: 'incidents(first: 20, filter: { countryCodes: ["IQ"], search: "rocket" }) with totalCount, place, participants',
      query: FILTERED_QUERY,
      variables: { first: 20 },
    },
    {
      id: 4,
      name: "facets",
      description: "incidentFacets(IQ, ROCKET/DRONE, 2031-2032): total, byDay, byWeek, byType, byCountry, byPerpetrator { actor { name } }",
      query: FACETS_QUERY,
    },
  ];
}

/** The JSON body of a scenario's POST. */
export function requestBody(scenario: Pick<Scenario, "query" | "variables" | "operationName">): string {
  return JSON.stringify({ query: scenario.query, variables: scenario.variables ?? {}, operationName: scenario.operationName });
}
