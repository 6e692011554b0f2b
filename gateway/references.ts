import type { ApolloServerPlugin, BaseContext, GraphQLResponse } from "@apollo/server";
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  GraphQLError,
  Kind,
  type ObjectTypeDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { collectReferences, readReferenceFields, type Reference } from "../subgraphs/lib/references";

/** Runs a read operation through this gateway (Apollo Server's `executeOperation`), with the caller's context. */
export type RunThroughGateway = (query: string, variables: Record<string, unknown>, context: BaseContext) => Promise<GraphQLResponse["body"]>;

/** Most referenced ids one mutation may name (each becomes one aliased lookup). */
const MAX_REFERENCES = 200;

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * The root query field that looks an entity up by id (`actor(id:)` for `Actor`), for every type the
 * supergraph's `@reference` marks name. Missing one is a mistake in the subgraphs' code: start-up stops.
 */
function lookupFields(supergraph: DocumentNode, types: Set<string>): Map<string, string> {
  const query = supergraph.definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === "Query");
  const lookups = new Map<string, string>();
  for (const type of types) {
    const field = query?.fields?.find((f) => f.name.value === lowerFirst(type) && f.arguments?.length === 1 && f.arguments[0]?.name.value === "id");
    if (!field)
      throw new Error(`@reference(type: "${type}") needs a root field \`${lowerFirst(type)}(id: ID!): ${type}\` to check ids with; the supergraph has none.`);
    lookups.set(type, field.name.value);
  }
  return lookups;
}

/** The root fields of an operation's selection set, through fragments. */
function rootFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, into: FieldNode[] = []): FieldNode[] {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFields(selection.selectionSet, fragments, into);
    else {
      const fragment = fragments.get(selection.name.value);
      if (fragment) rootFields(fragment.selectionSet, fragments, into);
    }
  }
  return into;
}

/**
 * Checks, before a mutation runs, that every id its input names through a `@reference(type:)` field
 * exists: one read query through the gateway itself (`actor(id:)`, `incident(id:)`, `source(id:)`,
 * aliased, so one request per subgraph). Subgraphs never call each other; the owner of the mutation
 * only checks its own rows. A missing id refuses the whole operation with 400 BAD_USER_INPUT naming
 * the argument and the id, before anything is written. A subgraph that cannot answer refuses it too
 * (503): an unchecked reference is never written.
 *
 * The check and the write are not one transaction across subgraphs: an entity deleted between the
 * two would leave a dangling id. Nothing deletes entities (retraction keeps the row, and lookups by
 * id still find retracted rows), so that window does not open.
 */
export function referencesPlugin(supergraph: DocumentNode, run: () => RunThroughGateway | undefined): ApolloServerPlugin<BaseContext> {
  const fields = readReferenceFields(supergraph);
  const lookups = lookupFields(supergraph, new Set(fields.values()));
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (operation?.operation !== "mutation" || fields.size === 0) return;
          const mutation = schema.getMutationType();
          if (!mutation) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
          const references: Reference[] = [];
          for (const node of rootFields(operation.selectionSet, fragments)) {
            const field = mutation.getFields()[node.name.value];
            if (!field) continue;
            const args = getArgumentValues(field, node, request.variables ?? {});
            for (const arg of field.args)
              collectReferences(fields, arg.type, args[arg.name], `${node.alias?.value ?? node.name.value}.${arg.name}`, references);
          }
          if (references.length === 0) return;
          if (references.length > MAX_REFERENCES) {
            throw new GraphQLError(`The mutation names ${references.length} referenced ids; at most ${MAX_REFERENCES} per operation. Split it.`, {
              extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
            });
          }
          const distinct = [...new Map(references.map((ref) => [`${ref.type}\u0000${ref.id}`, ref])).values()];
          const variables: Record<string, string> = {};
          const selections = distinct.map((ref, index) => {
            variables[`v${index}`] = ref.id;
            return `r${index}: ${lookups.get(ref.type)}(id: $v${index}) { __typename }`;
          });
          const query = `query ReferenceCheck(${distinct.map((_, index) => `$v${index}: ID!`).join(", ")}) { ${selections.join(" ")} }`;
          const runner = run();
          const body = runner ? await runner(query, variables, contextValue) : undefined;
          const result = body?.kind === "single" ? body.singleResult : undefined;
          if (!result || result.errors?.length) {
            throw new GraphQLError("The ids this mutation references could not be checked (a subgraph is unavailable); nothing was written. Retry later.", {
              extensions: { code: "SUBGRAPH_UNAVAILABLE", http: { status: 503 } },
            });
          }
          const missingIds = new Set(distinct.flatMap((ref, index) => (result.data?.[`r${index}`] == null ? [`${ref.type}\u0000${ref.id}`] : [])));
          const missing = references.filter((ref) => missingIds.has(`${ref.type}\u0000${ref.id}`));
          const [first] = missing;
          if (first) {
            const list = missing.map((ref) => `\`${ref.path}\` names ${ref.type} "${ref.id}"`).join("; ");
            throw new GraphQLError(`${list}, which does not exist. Nothing was written; create it first or correct the id.`, {
              extensions: {
                code: "BAD_USER_INPUT",
                argument: first.path,
                missing: missing.map((ref) => ({ argument: ref.path, type: ref.type, id: ref.id })),
                http: { status: 400 },
              },
            });
          }
        },
      };
    },
  };
}
