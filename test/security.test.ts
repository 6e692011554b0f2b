import { ApolloGateway } from "@apollo/gateway";
import { buildSchema, getOperationAST, parse } from "graphql";
import { withoutSecurityFeatures, readSupergraph } from "../gateway/supergraph";
import { collectReferences, readReferenceFields } from "../subgraphs/lib/references";
import { checkAccess, principalFromHeader, readSecurityRequirements } from "../subgraphs/lib/security";

// The security directives as our own code reads and enforces them (the end-to-end behaviour over HTTP
// is in writes.e2e.test.ts): fragments, inline fragments, abstract types, alternatives of scopes.

const sdl = /* GraphQL */ `
  directive @authenticated on FIELD_DEFINITION | OBJECT
  directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT
  directive @reference(type: String!) on INPUT_FIELD_DEFINITION
  interface Node {
    id: ID!
    secret: String
  }
  type Open implements Node {
    id: ID!
    secret: String @requiresScopes(scopes: [["a", "b"], ["c"]])
  }
  type Closed implements Node @authenticated {
    id: ID!
    secret: String
  }
  type Query {
    node: Node
    open: Open
    closed: Closed
  }
  input Ref {
    id: ID! @reference(type: "Actor")
    ids: [ID!] @reference(type: "Incident")
    nested: Ref
  }
  type Mutation {
    write(input: Ref!): Open @authenticated
  }
`;
const schema = buildSchema(sdl);
const requirements = readSecurityRequirements(parse(sdl));

function access(query: string, scopes?: string[]) {
  const document = parse(query);
  return checkAccess(schema, document, getOperationAST(document)!, requirements, scopes && { sub: "s", scopes });
}

describe("checkAccess", () => {
  it("lets open fields through to anyone", () => {
    expect(access("{ open { id } }")).toBeUndefined();
  });

  it("needs every scope of one alternative", () => {
    expect(access("{ open { secret } }")).toBe("UNAUTHENTICATED");
    expect(access("{ open { secret } }", ["a"])).toBe("FORBIDDEN");
    expect(access("{ open { secret } }", ["a", "b"])).toBeUndefined();
    expect(access("{ open { secret } }", ["c"])).toBeUndefined();
  });

  it("applies a type's requirement to every field returning it", () => {
    expect(access("{ closed { id } }")).toBe("UNAUTHENTICATED");
    expect(access("{ closed { id } }", [])).toBeUndefined();
  });

  it("finds fields behind named fragments, inline fragments and aliases, and on every implementation of an interface", () => {
    expect(access("{ ...F } fragment F on Query { x: open { ...G } } fragment G on Open { secret }", ["a"])).toBe("FORBIDDEN");
    expect(access("{ open { ... on Open { ... { secret } } } }", ["a"])).toBe("FORBIDDEN");
    expect(access("{ node { secret } }", ["a"])).toBe("FORBIDDEN");
    expect(access("{ node { secret } }", ["c"])).toBeUndefined();
    // An interface field that may return a protected type is protected: refused rather than leaked.
    expect(access("{ node { id } }")).toBe("UNAUTHENTICATED");
    expect(access("{ node { ... on Open { id } } }", [])).toBeUndefined();
    expect(access("mutation { write(input: { id: 1 }) { id } }")).toBe("UNAUTHENTICATED");
  });

  it("reports a missing token before a missing scope, and ignores introspection fields", () => {
    expect(access("{ open { secret } closed { id } }")).toBe("UNAUTHENTICATED");
    expect(access("{ __typename open { __typename } }")).toBeUndefined();
  });

  it("walks a fragment spread many times over only once (no blow-up on a fragment bomb)", () => {
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { open { id } ${i < 29 ? `...F${i + 1} ...F${i + 1}` : ""} }`).join(" ");
    const started = Date.now();
    expect(access(`{ ...F0 } ${fragments}`)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("the forwarded caller", () => {
  it("is believed only beside the gateway secret, and only when well formed", () => {
    const header = JSON.stringify({ sub: "alice", scopes: ["write:statement"] });
    expect(principalFromHeader(header, true)).toEqual({ sub: "alice", scopes: ["write:statement"] });
    expect(principalFromHeader(header, false)).toBeUndefined();
    for (const bad of ["", "not json", "{}", '{"sub":"","scopes":[]}', '{"sub":"a","scopes":"x"}', JSON.stringify({ sub: "a".repeat(300), scopes: [] })]) {
      expect(principalFromHeader(bad, true)).toBeUndefined();
    }
  });
});

describe("references", () => {
  it("collects every referenced id with the path it was given at, through lists and nested inputs", () => {
    const fields = readReferenceFields(parse(sdl));
    const input = schema.getMutationType()!.getFields().write!.args[0]!;
    expect(collectReferences(fields, input.type, { id: "a1", ids: ["i1", "i2"], nested: { id: "a2" } }, "write.input")).toEqual([
      { type: "Actor", id: "a1", path: "write.input.id" },
      { type: "Incident", id: "i1", path: "write.input.ids[0]" },
      { type: "Incident", id: "i2", path: "write.input.ids[1]" },
      { type: "Actor", id: "a2", path: "write.input.nested.id" },
    ]);
  });
});

describe("the committed supergraph", () => {
  it("keeps the security features for Router and Hive, and ApolloGateway loads the copy without them", async () => {
    const supergraph = readSupergraph();
    expect(supergraph).toContain('@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)');
    expect(readSecurityRequirements(parse(supergraph)).get("Mutation.upsertStatement")).toEqual({ authenticated: true, scopes: [["write:statement"]] });
    const stripped = withoutSecurityFeatures(supergraph);
    expect(stripped).not.toMatch(/for: SECURITY|@authenticated|@requiresScopes|requiresScopes__Scope/);
    await expect(new ApolloGateway({ supergraphSdl: supergraph }).load()).rejects.toThrow(/for: SECURITY but is unsupported/);
    const gateway = new ApolloGateway({ supergraphSdl: stripped });
    const { schema: api } = await gateway.load();
    expect(api.getMutationType()?.getFields().upsertStatement).toBeDefined();
    await gateway.stop();
  });
});
