import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, getNamedType, getNullableType, getOperationAST, getVariableValues, isLeafType, isListType, isObjectType, parse } from "graphql";
import { SUBGRAPHS } from "../subgraphs";
import { buildSubgraph } from "../subgraphs/lib/build-subgraph";
import { costDirectivesOf, readCostDirectives } from "../subgraphs/lib/cost-directives";
import { checkOperationLimits, DEFAULT_OPERATION_LIMITS, measureOperation } from "../subgraphs/lib/operation-limits";
import { projectRoot } from "../subgraphs/lib/paths";

// The cost estimate by hand: each field counts its weight (1 unless `@cost` says otherwise) once per
// item of every list above it; a connection counts once and its `edges` count `first`/`last` (else
// the default page); an unpaged list counts its `@listSize(assumedSize:)`.

const api = buildSchema(readFileSync(join(projectRoot(), "schema", "api.graphql"), "utf8"));
const supergraph = readFileSync(join(projectRoot(), "schema", "supergraph.graphql"), "utf8");
const costs = readCostDirectives(supergraph);

function cost(query: string, variables: Record<string, unknown> = {}, schema = api, table = costs): number {
  const document = parse(query);
  const operation = getOperationAST(document)!;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  return measureOperation(schema, document, operation, coerced.coerced, table).cost;
}

describe("the cost estimate", () => {
  it("counts a page of 50 incidents with their participants as computed by hand", () => {
    // incidents 1 + edges 1 + 50 × (node + id + participants) + 50 × 20 participants (assumed) × role
    expect(cost(`{ incidents(first: 50) { edges { node { id participants { role } } } } }`)).toBe(1 + 1 + 50 * 3 + 50 * 20);
  });

  it("counts connection fields other than `edges` once, and the default page of 20 without `first`", () => {
    expect(cost(`{ incidents { totalCount pageInfo { hasNextPage } edges { node { id } } } }`)).toBe(1 + 1 + 1 + 1 + 1 + 20 * 2);
  });

  it("takes `first: $n` from the variable, or from its default", () => {
    const query = `query($n: Int = 30) { incidents(first: $n) { edges { node { id } } } }`;
    expect(cost(query)).toBe(2 + 30 * 2);
    expect(cost(query, { n: 5 })).toBe(2 + 5 * 2);
  });

  it("takes the larger of `first` and `last`, and `resolveActor`'s `first` (default 5)", () => {
    expect(cost(`{ statements(first: 3, last: 40) { edges { node { id } } } }`)).toBe(2 + 40 * 2);
    // resolveActor weighs 10 (`@cost`), then 1 match (or the default 5) × (actor + name)
    expect(cost(`{ resolveActor(name: "x", first: 1) { actor { name } } }`)).toBe(10 + 1 * 2);
    expect(cost(`{ resolveActor(name: "x") { actor { name } } }`)).toBe(10 + 5 * 2);
  });

  it("gives a fragment on a connection the page size of the field it is spread in", () => {
    const inline = cost(`{ incidents(first: 50) { totalCount edges { node { id } } } }`);
    expect(cost(`{ incidents(first: 50) { ...Page } } fragment Page on IncidentConnection { totalCount edges { node { id } } }`)).toBe(inline);
    expect(inline).toBe(1 + 1 + 1 + 50 * 2);
  });

  it("honours `@listSize(assumedSize:)` and `@cost(weight:)` read from a schema's own directives", () => {
    const schema = buildSchema(`
      directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
      directive @cost(weight: Int!) on FIELD_DEFINITION
      type Query { things: [Thing!]! @listSize(assumedSize: 7) heavy: Thing @cost(weight: 25) }
      type Thing { id: ID! parts: [Thing!]! }`);
    const table = costDirectivesOf(schema);
    expect(cost(`{ things { id } }`, {}, schema, table)).toBe(1 + 7);
    expect(cost(`{ heavy { id } }`, {}, schema, table)).toBe(25 + 1);
    // A list without `@listSize` counts the default of 10.
    expect(cost(`{ things { parts { id } } }`, {}, schema, table)).toBe(1 + 7 + 7 * 10);
  });

  it("reads the directives from a subgraph's executable schema (they survive there, unlike in the gateway's API schema)", async () => {
    const schema = await buildSubgraph(SUBGRAPHS.incident);
    expect(costDirectivesOf(schema).fields.get("Incident.participants")).toMatchObject({ assumedSize: 20 });
    expect(costDirectivesOf(schema).fields.get("Query.incidents")).toMatchObject({ slicingArguments: ["first", "last"], sizedFields: ["edges"] });
  });

  it("has a size for every list of objects in the API: `@listSize`, or a connection's `edges`", () => {
    const unsized: string[] = [];
    for (const type of Object.values(api.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__")) continue;
      for (const field of Object.values(type.getFields())) {
        const list = isListType(getNullableType(field.type));
        const sized = costs.fields.has(`${type.name}.${field.name}`) || costs.sizedFields.get(type.name)?.has(field.name);
        if (list && !isLeafType(getNamedType(field.type)) && !sized) unsized.push(`${type.name}.${field.name}`);
      }
    }
    expect(unsized).toEqual([]);
  });

  it("refuses with the measured cost as `found` and the limit as `allowed`", () => {
    const document = parse(`{ incidents(first: 50) { edges { node { id participants { role } } } } }`);
    const error = checkOperationLimits(
      { schema: api, document, operation: getOperationAST(document)!, variables: {}, costs },
      { ...DEFAULT_OPERATION_LIMITS, maxCost: 1000 },
    );
    expect(error?.extensions).toMatchObject({ code: "MAX_COST_EXCEEDED", limit: "maxCost", allowed: 1000, found: 1152 });
    expect(error?.message).toMatch(/estimated cost .*\(1152\) exceeds the limit of 1000/);
  });
});
