import { generateData } from "../bench/generate";
import { importActors } from "../subgraphs/actor/seed";
import { importIncidents } from "../subgraphs/incident/seed";
import type { SubgraphName } from "../subgraphs/lib/config";
import { importStatements } from "../subgraphs/statement/seed";
import { startTestSystem, type TestSystem } from "./support/system";

// A query that touches every batched field: entity references in all three subgraphs, one-to-many
// fields, contributed fields (Actor.statements, Incident.statements) and nested evidence sources.
const QUERY = `query Page($first: Int!) {
  incidents(first: $first) {
    edges { node {
      id title place { name aliases { name } }
      participants { role basis actor { name kind aliases { name } statements(as: SPEAKER) { edges { node { id } } } } evidence { source { fileName } } }
      munitions { count evidence { source { publishedOn } } }
      reports { account }
      statements { text speaker { name } onBehalfOf { name affiliates { role } } stances { kind actor { name } } appearances { evidence { source { fileName } } } }
      figures { value reportedBy { name } }
    } }
  }
}`;

/** Runs the query for `size` generated incidents and returns the SQL statements per subgraph. */
async function sqlPerSubgraph(system: TestSystem, size: number): Promise<Record<SubgraphName, number>> {
  const databases = system.databases as Required<typeof system.databases>;
  for (const db of Object.values(databases)) db.sql.count = 0;
  const answer = await system.query(QUERY, { first: size });
  expect(answer.body.errors).toBeUndefined();
  const edges = answer.body.data.incidents.edges as { node: { id: string; participants: { actor: { name: string } }[]; statements: unknown[] } }[];
  expect(edges).toHaveLength(size);
  // The data really came back from every subgraph, not nulls.
  expect(edges.every((edge) => edge.node.id.startsWith("gen-inc-") && edge.node.participants[0]?.actor.name && edge.node.statements.length === 1)).toBe(true);
  return { incident: databases.incident.sql.count, actor: databases.actor.sql.count, statement: databases.statement.sql.count };
}

async function systemWith(count: number): Promise<TestSystem> {
  const system = await startTestSystem("embedded", { MAX_PAGE_SIZE: "1000", MAX_COST: "1000000000" });
  const data = generateData(count);
  const { incident, actor, statement } = system.databases as Required<typeof system.databases>;
  await importIncidents(incident, data.incident);
  await importActors(actor, data.actor);
  await importStatements(statement, data.statement);
  return system;
}

describe("batching: SQL statements per request do not grow with the number of items", () => {
  let small: TestSystem;
  let large: TestSystem;
  beforeAll(async () => {
    [small, large] = await Promise.all([systemWith(10), systemWith(500)]);
  });
  afterAll(async () => {
    await Promise.all([small?.stop(), large?.stop()]);
  });

  it("runs the same number of SQL statements in each subgraph for 10 and for 500 incidents", async () => {
    const ten = await sqlPerSubgraph(small, 10);
    const fiveHundred = await sqlPerSubgraph(large, 500);
    expect(fiveHundred).toEqual(ten);
    // And the counts are small: one statement per batched field, not per row.
    for (const count of Object.values(ten)) expect(count).toBeLessThan(25);
    console.log(`SQL statements per request (10 and 500 incidents): ${JSON.stringify(ten)}`);
  });
});
