import "reflect-metadata";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { type GraphQLSchema, parse } from "graphql";
import { buildSchema, createResolversMap } from "type-graphql";
import { REFERENCE_SPEC } from "./references";
import type { SubgraphModule } from "./subgraph-module";

/**
 * The Federation 2 header. Without `@link` the subgraph would be read as Federation 1.
 * type-graphql prints with graphql-js's `printSchema`, which drops applied directives such as `@key`
 * (https://github.com/MichalLytek/type-graphql/issues/351), so we print with
 * `printSchemaWithDirectives` and prepend this header ourselves.
 * `@authenticated`/`@requiresScopes` mark what writes need (the gateway and the subgraph enforce them,
 * see security.ts); `@reference(type:)` marks an input field holding the id of an entity, maybe another
 * subgraph's, which the gateway checks exists before a mutation runs (gateway/references.ts). It is
 * our own directive, kept in the supergraph by `@composeDirective`.
 */
const FEDERATION_LINK = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@tag", "@inaccessible", "@cost", "@listSize", "@authenticated", "@requiresScopes", "@composeDirective"])
  @link(url: "${REFERENCE_SPEC}", import: ["@reference"])
  @composeDirective(name: "@reference")

"""
The input field holds the id of an existing \`type\` entity (of any subgraph): the gateway checks that it exists before running the mutation.
"""
directive @reference(type: String!) on INPUT_FIELD_DEFINITION

`;

/** The SDL of a subgraph as type-graphql sees it, with the federation header: the input to composition. */
export async function subgraphTypeDefs<Loaders>(module: SubgraphModule<Loaders>): Promise<{ sdl: string; schema: GraphQLSchema }> {
  const schema = await buildSchema({
    resolvers: module.resolvers,
    orphanedTypes: module.orphanedTypes,
    // A subgraph may have no root fields of its own; federation adds `_entities` and `_service`.
    skipCheck: true,
    validate: false,
  });
  return { sdl: FEDERATION_LINK + printSchemaWithDirectives(schema), schema };
}

/**
 * The one way to build a subgraph's executable schema: type-graphql classes + reference resolvers,
 * made into an Apollo Federation 2 subgraph. The database is not captured here: resolvers get it
 * (and their loaders) from the per-operation context.
 */
export async function buildSubgraph<Loaders>(module: SubgraphModule<Loaders>): Promise<GraphQLSchema> {
  const { sdl, schema } = await subgraphTypeDefs(module);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, resolveReference] of Object.entries(module.references)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), __resolveReference: resolveReference } as GraphQLResolverMap<unknown>[string];
  }
  return buildSubgraphSchema({ typeDefs: parse(sdl), resolvers });
}
