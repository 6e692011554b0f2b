import { readFileSync } from "node:fs";
import { join } from "node:path";
import { composeServices } from "@apollo/composition";
import { buildASTSchema, parse } from "graphql";
import { generateSchemas } from "../schema/generate";

const committed = (name: string) => readFileSync(join(__dirname, "..", "schema", name), "utf8");

describe("schema artifacts", () => {
  let generated: Record<string, string>;
  beforeAll(async () => {
    generated = await generateSchemas();
  });

  it.each(["incident.graphql", "actor.graphql", "statement.graphql", "supergraph.graphql", "api.graphql"])(
    "committed schema/%s matches the code (run `npm run schema` after changing types)",
    (name) => {
      expect(committed(name)).toEqual(generated[name]);
    },
  );

  it("composes the committed subgraph SDLs without errors or hints of conflict", () => {
    const result = composeServices(
      ["incident", "actor", "statement"].map((name) => ({ name, url: `http://localhost/${name}`, typeDefs: parse(committed(`${name}.graphql`)) })),
    );
    expect(result.errors).toBeUndefined();
  });

  it("describes every type and field of the client-facing schema", () => {
    const schema = buildASTSchema(parse(committed("api.graphql")));
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      // Root types are documented field by field.
      if (type.name.startsWith("__") || type.name === "Query" || type.name === "Mutation") continue;
      if (!type.description && !["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) missing.push(type.name);
      if ("getFields" in type) {
        for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("keeps each subgraph's entities keyed by id", () => {
    expect(committed("incident.graphql")).toMatch(/type Incident\s+@key\(fields: "id"\)/);
    expect(committed("actor.graphql")).toMatch(/type Actor\s+@key\(fields: "id"\)/);
    expect(committed("statement.graphql")).toMatch(/type Statement\s+@key\(fields: "id"\)/);
  });
});
