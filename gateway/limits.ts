import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLNamedType,
  type GraphQLSchema,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  parse,
  type ValueNode,
  visit,
} from "graphql";
import type { RequestHandler } from "express";
import type { Config } from "../subgraphs/lib/config";
import { errorBody, REQUEST_ID_HEADER } from "../subgraphs/lib/http";

/** The operation limits the gateway enforces (documented field by field in the configuration). */
export type OperationLimits = Config["operationLimits"];

/** The defaults: generous for every query the README shows, far below what hurts a server. */
export const DEFAULT_LIMITS: OperationLimits = {
  maxDepth: 15,
  maxAliases: 30,
  maxRootFields: 10,
  maxDirectives: 20,
  maxTokens: 5000,
  maxCost: 100_000,
  maxListItems: 100,
  maxFields: 500,
};

/** Items assumed in a plain list field (participants, statements of an incident) for the cost estimate. */
const LIST_ESTIMATE = 10;
/** Items assumed in a connection asked for without `first`/`last` (the default page size). */
const PAGE_ESTIMATE = 20;

/** What an operation uses, measured against the limits. */
export interface OperationMeasure {
  depth: number;
  aliases: number;
  rootFields: number;
  directives: number;
  cost: number;
}

type Variables = Record<string, unknown> | undefined;

function argumentNumber(value: ValueNode | undefined, variables: Variables): number | undefined {
  if (!value) return undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const bound = variables?.[value.name.value];
    return typeof bound === "number" ? bound : undefined;
  }
  return undefined;
}

/**
 * Walks the operation with the schema's types, expanding fragments (cycles were already rejected by
 * validation; `seen` guards anyway), and measures depth, aliases, root fields, directives and cost.
 */
export function measureOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Variables): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const measure: OperationMeasure = { depth: 0, aliases: 0, rootFields: 0, directives: operation.directives?.length ?? 0, cost: 0 };

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined, multiplier: number, depth: number, seen: Set<string>, root: boolean) => {
    for (const selection of selectionSet.selections) {
      measure.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        if (root) measure.rootFields += 1;
        if (selection.alias) measure.aliases += 1;
        measure.cost += multiplier;
        measure.depth = Math.max(measure.depth, depth + 1);
        if (!selection.selectionSet) continue;
        const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[selection.name.value] : undefined;
        const type = field ? getNullableType(field.type) : undefined;
        const named = field ? getNamedType(field.type) : undefined;
        let items = 1;
        if (named?.name.endsWith("Connection")) {
          const size = (name: string) => argumentNumber(selection.arguments?.find((argument) => argument.name.value === name)?.value, variables);
          items = size("first") ?? size("last") ?? PAGE_ESTIMATE;
        } else if (type && isListType(type)) {
          items = LIST_ESTIMATE;
        }
        walk(selection.selectionSet, named, multiplier * Math.max(items, 1), depth + 1, seen, false);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        walk(selection.selectionSet, condition ?? parent, multiplier, depth, seen, root);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        measure.directives += fragment.directives?.length ?? 0;
        walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? parent, multiplier, depth, new Set([...seen, name]), root);
      }
    }
  };
  const rootType =
    operation.operation === "query" ? schema.getQueryType() : operation.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
  walk(operation.selectionSet, rootType ?? undefined, 1, 0, new Set(), true);
  return measure;
}

/** The longest list anywhere in the variables. */
function longestList(value: unknown): number {
  if (Array.isArray(value)) return Math.max(value.length, ...value.map(longestList));
  if (value && typeof value === "object") return Math.max(0, ...Object.values(value).map(longestList));
  return 0;
}

/** The longest list literal among the operation's arguments. */
function longestListLiteral(document: DocumentNode): number {
  let longest = 0;
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    const value = node as { kind?: string; values?: unknown[] };
    if (value.kind === Kind.LIST && Array.isArray(value.values)) longest = Math.max(longest, value.values.length);
    for (const child of Object.values(node)) {
      if (Array.isArray(child)) child.forEach(visit);
      else if (child && typeof child === "object" && "kind" in child) visit(child);
    }
  };
  visit(document);
  return longest;
}

/**
 * Rejects a document with more than `maxFields` field selections before Apollo Server validates it:
 * graphql-js's OverlappingFieldsCanBeMerged is quadratic in duplicated fields (600 copies of one
 * field with arguments take ~230 ms to validate, well within the token limit). The document is parsed
 * here only when it is long enough to hold that many fields, so ordinary queries pay nothing.
 */
export function fieldFloodGuard(limits: OperationLimits): RequestHandler {
  return (request, response, next) => {
    const query = (request.body as { query?: unknown } | undefined)?.query;
    // A field takes at least two characters ("a "), so a shorter document cannot exceed the limit.
    if (typeof query !== "string" || query.length < 2 * limits.maxFields) return next();
    let document: DocumentNode;
    try {
      document = parse(query, { noLocation: true, maxTokens: limits.maxTokens });
    } catch {
      return next(); // Apollo Server reports syntax errors and the token limit itself.
    }
    let fields = 0;
    visit(document, {
      Field() {
        fields += 1;
      },
    });
    if (fields <= limits.maxFields) return next();
    const error = limitError("MAX_FIELDS_EXCEEDED", "maxFields", limits.maxFields, fields, "The number of fields in the document");
    response
      .status(400)
      .json(errorBody(error.message, "MAX_FIELDS_EXCEEDED", { ...error.extensions, http: undefined, requestId: request.headers[REQUEST_ID_HEADER] }));
  };
}

/** A 400 naming the limit, the allowed value and what was found. */
export function limitError(code: string, limit: keyof OperationLimits, allowed: number, found: number, what: string): GraphQLError {
  return new GraphQLError(`${what} (${found}) exceeds the limit of ${allowed}; simplify the operation or split it into several requests.`, {
    extensions: { code, limit, allowed, found, http: { status: 400 } },
  });
}

/**
 * Rejects operations over the limits before any subgraph is called, with HTTP 400 and a code per
 * limit (MAX_DEPTH_EXCEEDED, MAX_ALIASES_EXCEEDED, ...). The token limit is the parser's own
 * (`parseOptions.maxTokens`), so a token flood never reaches validation; its error is relabelled.
 */
export function operationLimitsPlugin(limits: OperationLimits): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const variables = request.variables as Variables;
          const list = Math.max(longestList(variables), longestListLiteral(document));
          if (list > limits.maxListItems) throw limitError("MAX_LIST_ITEMS_EXCEEDED", "maxListItems", limits.maxListItems, list, "A list argument's length");
          const measure = measureOperation(schema, document, operation, variables);
          if (measure.depth > limits.maxDepth) throw limitError("MAX_DEPTH_EXCEEDED", "maxDepth", limits.maxDepth, measure.depth, "The operation's depth");
          if (measure.aliases > limits.maxAliases)
            throw limitError("MAX_ALIASES_EXCEEDED", "maxAliases", limits.maxAliases, measure.aliases, "The number of aliases");
          if (measure.rootFields > limits.maxRootFields)
            throw limitError("MAX_ROOT_FIELDS_EXCEEDED", "maxRootFields", limits.maxRootFields, measure.rootFields, "The number of root fields");
          if (measure.directives > limits.maxDirectives)
            throw limitError("MAX_DIRECTIVES_EXCEEDED", "maxDirectives", limits.maxDirectives, measure.directives, "The number of directives");
          if (measure.cost > limits.maxCost)
            throw limitError(
              "MAX_COST_EXCEEDED",
              "maxCost",
              limits.maxCost,
              measure.cost,
              "The operation's estimated cost (fields × list sizes, from `first`/`last`)",
            );
        },
      };
    },
  };
}
