import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, getOperationAST, getVariableValues, Lexer, parse, Source, TokenKind, visit } from "graphql";
import { readCostDirectives } from "../subgraphs/lib/cost-directives";
import { loadConfig } from "../subgraphs/lib/config";
import { checkOperationLimits, longestListLiteral, measureOperation, type OperationLimits } from "../subgraphs/lib/operation-limits";
import { projectRoot } from "../subgraphs/lib/paths";
import { send, startTestSystem, type TestSystem } from "./support/system";
import { signToken, TEST_JWT_SECRET } from "./support/tokens";

// Everyday questions of a front-end and an analyst (test/fixtures/realistic/, one operation per
// file), run through the real gateway in production mode with the default limits: each must answer
// with data and no error. Then, per limit, the highest value the suite reaches against the default:
// the headroom table of the README ("Running in production").

const folder = join(projectRoot(), "test", "fixtures", "realistic");
const queries = readdirSync(folder)
  .filter((name) => name.endsWith(".graphql"))
  .sort()
  .map((name) => ({ name: name.replace(/\.graphql$/, ""), text: readFileSync(join(folder, name), "utf8") }));
const schema = buildSchema(readFileSync(join(projectRoot(), "schema", "api.graphql"), "utf8"));
const costs = readCostDirectives(readFileSync(join(projectRoot(), "schema", "supergraph.graphql"), "utf8"));
/** The production defaults, as the configuration reads them from an empty environment. */
const limits = loadConfig({ NODE_ENV: "production" }).operationLimits;

function tokens(text: string): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

/** What one query uses of each limit (the names of `OperationLimits`). */
function usage(text: string): Record<keyof OperationLimits, number> {
  const document = parse(text);
  const operation = getOperationAST(document)!;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], {});
  if (coerced.errors) throw coerced.errors[0];
  const measure = measureOperation(schema, document, operation, coerced.coerced, costs);
  let fields = 0;
  visit(document, { Field: () => void (fields += 1) });
  return {
    maxDepth: measure.depth,
    maxAliases: measure.aliases,
    maxRootFields: measure.rootFields,
    maxDirectives: measure.directives,
    maxTokens: tokens(text),
    maxFields: fields,
    maxCost: measure.cost,
    maxListItems: longestListLiteral(document),
  };
}

describe("realistic queries", () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem("embedded", { NODE_ENV: "production", JWT_SECRET: TEST_JWT_SECRET });
  });
  afterAll(async () => {
    await system?.stop();
  });

  it("are at least 30 and cover every root field", () => {
    expect(queries.length).toBeGreaterThanOrEqual(30);
    const used = new Set<string>();
    for (const { text } of queries) {
      const operation = getOperationAST(parse(text))!;
      for (const selection of operation.selectionSet.selections) if (selection.kind === "Field") used.add(selection.name.value);
    }
    const missing = Object.keys(schema.getQueryType()!.getFields()).filter((name) => !used.has(name));
    expect(missing).toEqual([]);
  });

  it.each(queries.map((query) => [query.name, query.text] as const))("%s is within every default limit", (_name, text) => {
    const document = parse(text);
    const operation = getOperationAST(document)!;
    expect(checkOperationLimits({ schema, document, operation, variables: {}, costs }, limits)).toBeUndefined();
  });

  it.each(queries.map((query) => [query.name, query.text] as const))("%s answers with data through the gateway", async (_name, text) => {
    // A query whose first line says it needs a bearer token gets one (any valid token; no scope), or one
    // with the scope it names ("# Needs a token with scope write:import").
    const scope = /^# Needs a token with scope (\S+?)\./.exec(text)?.[1];
    const token = scope
      ? await signToken({ sub: "importer-1", scope })
      : text.startsWith("# Needs a bearer token")
        ? await signToken({ sub: "analyst-1" })
        : undefined;
    const answer = await send(system.url, JSON.stringify({ query: text }), {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    });
    expect({ status: answer.status, errors: answer.body.errors }).toEqual({ status: 200, errors: undefined });
    expect(answer.body.data).toBeTruthy();
  });

  it("leaves headroom under every limit", () => {
    const rows = (Object.keys(limits) as (keyof OperationLimits)[]).map((limit) => {
      let highest = 0;
      let where = "";
      for (const { name, text } of queries) {
        const value = usage(text)[limit];
        if (value > highest) [highest, where] = [value, name];
      }
      return { limit, allowed: limits[limit], highest, where };
    });
    console.log(
      ["| limit | default | highest in the realistic suite | query |", "| --- | --- | --- | --- |"]
        .concat(rows.map((row) => `| ${row.limit} | ${row.allowed} | ${row.highest} | ${row.where} |`))
        .join("\n"),
    );
    for (const row of rows) expect(row.highest).toBeLessThanOrEqual(row.allowed);
  });
});
