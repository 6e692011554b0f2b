import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type TypeNode,
  type ValueNode,
  visit,
} from "graphql";
import type { Config } from "./config";
import { type CostDirectives, costDirectivesOf } from "./cost-directives";

/** The operation limits a client's request must keep (documented field by field in the configuration). */
export type OperationLimits = Config["operationLimits"];

/** What one service enforces: the operation limits and, on a subgraph, the `_entities` cap. */
export interface EnforcedLimits extends OperationLimits {
  /** Most `_entities` representations per operation, counted after expanding fragments; none when undefined. */
  maxEntities?: number;
}

/** The defaults: generous for every query the README shows, far below what hurts a server. */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxDepth: 15,
  maxAliases: 30,
  maxRootFields: 20,
  maxDirectives: 20,
  maxTokens: 5000,
  maxCost: 100_000,
  maxListItems: 100,
  maxFields: 500,
};

/** Deepest nesting of arrays and objects in the variables (real inputs nest three or four levels). */
export const MAX_VARIABLE_DEPTH = 32;
/** Most values (scalars, arrays, objects) in the variables of a request without `_entities`. */
export const MAX_VARIABLE_VALUES = 100_000;
/** Values allowed per entity representation on top of MAX_VARIABLE_VALUES (`{ __typename, id }` is three). */
const VALUES_PER_REPRESENTATION = 10;

/** Items assumed in a list field that declares no `@listSize` (every list of our schemas declares one). */
export const DEFAULT_LIST_SIZE = 10;
/** Selections (fields, inline fragments, spreads) Apollo Server's validation may count per unit of `maxCost`. */
const RECURSIVE_SELECTIONS_PER_COST = 10;
/** The federation field that resolves a batch of entity representations. */
const ENTITIES_FIELD = "_entities";

/** The names `limitError` may report. */
export type LimitName = keyof EnforcedLimits | "maxVariableDepth" | "maxVariableValues";

/**
 * A subgraph's limits, derived from the gateway's so that every operation the query planner sends
 * for a request the gateway accepted passes: the planner inlines fragments (more tokens, aliases and
 * directives than the client wrote), `_entities` adds one level, and its cost counts each
 * representation where the gateway estimated list sizes, which real lists can exceed.
 */
export function subgraphLimits(gateway: OperationLimits, maxEntities: number): EnforcedLimits {
  return {
    maxDepth: gateway.maxDepth + 1,
    maxAliases: gateway.maxAliases * 10,
    maxRootFields: gateway.maxRootFields * 2,
    maxDirectives: gateway.maxDirectives * 10,
    maxTokens: gateway.maxTokens * 10,
    maxCost: gateway.maxCost * 10,
    maxListItems: gateway.maxListItems,
    maxFields: gateway.maxFields * 10,
    maxEntities,
  };
}

/**
 * Apollo Server's own guards for the same limits, passed to its constructor: the parser stops at
 * `maxTokens` (before validation could be made to do quadratic work), and validation refuses
 * fragment bombs (`maxRecursiveSelections`, counted in linear time) before any plugin runs.
 */
export function apolloLimitOptions(limits: OperationLimits): { parseOptions: { maxTokens: number }; maxRecursiveSelections: number } {
  return { parseOptions: { maxTokens: limits.maxTokens }, maxRecursiveSelections: limits.maxCost * RECURSIVE_SELECTIONS_PER_COST };
}

/** A 400 with the given message, naming the limit, the allowed value and what was found. */
function limitExceeded(message: string, code: string, limit: LimitName, allowed: number, found: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, limit, allowed, found, http: { status: 400 } } });
}

/** A 400 naming the limit, the allowed value and what was found. */
export function limitError(code: string, limit: LimitName, allowed: number, found: number, what: string): GraphQLError {
  // A fragment bomb's cost can exceed what JSON writes as a number (Infinity would become null).
  const shown = Math.min(found, Number.MAX_SAFE_INTEGER);
  return limitExceeded(
    `${what} (${shown}) exceeds the limit of ${allowed}; simplify the operation or split it into several requests.`,
    code,
    limit,
    allowed,
    shown,
  );
}

function entitiesError(allowed: number, found: number): GraphQLError {
  return limitExceeded(`${found} entity representations exceed the limit of ${allowed} per request.`, "MAX_ENTITIES_EXCEEDED", "maxEntities", allowed, found);
}

/** What an operation (or one fragment, measured once) uses, measured against the limits. */
export interface OperationMeasure {
  depth: number;
  aliases: number;
  rootFields: number;
  directives: number;
  /** Fields × the list sizes above them (from `first`/`last`, the representations of `_entities`, or estimates). */
  cost: number;
  /** Representations passed to `_entities`, however many times it is selected. */
  entities: number;
}

/** Coerced variable values (defaults applied). */
export type Variables = Readonly<Record<string, unknown>> | undefined;

function argumentValue(field: { arguments?: readonly { name: { value: string }; value: ValueNode }[] }, name: string): ValueNode | undefined {
  return field.arguments?.find((argument) => argument.name.value === name)?.value;
}

function argumentNumber(value: ValueNode | undefined, variables: Variables): number | undefined {
  if (value?.kind === Kind.INT) return Number(value.value);
  const bound = value?.kind === Kind.VARIABLE ? variables?.[value.name.value] : undefined;
  return typeof bound === "number" ? bound : undefined;
}

function listLength(value: ValueNode | undefined, variables: Variables): number {
  if (value?.kind === Kind.LIST) return value.values.length;
  const bound = value?.kind === Kind.VARIABLE ? variables?.[value.name.value] : undefined;
  return Array.isArray(bound) ? bound.length : 0;
}

/** Names of the fragments spread anywhere inside a selection set (nested fields and inline fragments too). */
function spreadNames(selectionSet: SelectionSetNode): string[] {
  const names: string[] = [];
  const stack = [selectionSet];
  for (let set = stack.pop(); set; set = stack.pop()) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) names.push(selection.name.value);
      else if (selection.selectionSet) stack.push(selection.selectionSet);
    }
  }
  return names;
}

/**
 * The fragments reachable from `roots`, each after the fragments it spreads (depth-first post-order,
 * with an explicit stack). A spread back into a fragment still being visited (a cycle, which
 * validation rejects anyway) is left out, so it later counts as nothing.
 */
function dependencyOrder(roots: string[], fragments: ReadonlyMap<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const order: FragmentDefinitionNode[] = [];
  const entered = new Set<string>();
  const stack: { fragment: FragmentDefinitionNode; spreads: string[]; next: number }[] = [];
  const enter = (name: string | undefined) => {
    const fragment = name === undefined ? undefined : fragments.get(name);
    if (!fragment || entered.has(fragment.name.value)) return;
    entered.add(fragment.name.value);
    stack.push({ fragment, spreads: spreadNames(fragment.selectionSet), next: 0 });
  };
  for (const root of roots) {
    enter(root);
    for (let top = stack.at(-1); top; top = stack.at(-1)) {
      if (top.next < top.spreads.length) {
        enter(top.spreads[top.next]);
        top.next += 1;
      } else {
        stack.pop();
        order.push(top.fragment);
      }
    }
  }
  return order;
}

/**
 * A fragment's measure. A fragment on a connection type does not know the page size where it is
 * spread, so what lies under its sized fields (`edges`) is kept apart, per item of the page.
 */
interface FragmentMeasure extends OperationMeasure {
  costPerSlice: number;
  entitiesPerSlice: number;
}

/** The page size of a frame whose size is only known where its fragment is spread. */
const UNKNOWN_SLICE = -1;

/** The largest slicing argument given (literal, variable, or the argument's default), else undefined. */
function slicedSize(
  selection: { arguments?: readonly { name: { value: string }; value: ValueNode }[] },
  field: GraphQLField<unknown, unknown>,
  names: readonly string[],
  variables: Variables,
): number | undefined {
  let size: number | undefined;
  for (const name of names) {
    const given = argumentValue(selection, name);
    const fallback = field.args.find((argument) => argument.name === name)?.defaultValue;
    const value = given ? argumentNumber(given, variables) : typeof fallback === "number" ? fallback : undefined;
    if (value !== undefined) size = Math.max(size ?? 0, value);
  }
  return size;
}

/**
 * Measures one selection set (an operation's or a fragment's) with an explicit stack. A field
 * counts its weight (`@cost`, else 1) once per item of every list above it; a list's size is its
 * slicing argument (`first`/`last`, `@listSize(slicingArguments:)`), else its `assumedSize`, else
 * DEFAULT_LIST_SIZE; a field with `sizedFields` (a connection) counts once and sizes its `edges`.
 * A spread adds the fragment's measure, already taken: its cost and entities times the multiplier
 * where it is spread (both are linear in it, and in the page size for a fragment on a connection),
 * its depth on top of the current one, its aliases and directives once. So a document is measured
 * in time linear in its size however its fragments nest.
 */
function measureSelectionSet(
  schema: GraphQLSchema,
  costs: CostDirectives,
  selectionSet: SelectionSetNode,
  type: GraphQLNamedType | undefined,
  measured: ReadonlyMap<string, FragmentMeasure>,
  variables: Variables,
  inFragment: boolean,
): FragmentMeasure {
  const measure: FragmentMeasure = { depth: 0, aliases: 0, rootFields: 0, directives: 0, cost: 0, entities: 0, costPerSlice: 0, entitiesPerSlice: 0 };
  // `slice`: the page size of the connection this frame is (undefined: none); `perSlice`: under a
  // sized field of a fragment whose page size is not known yet.
  const stack = [{ selectionSet, type, multiplier: 1, depth: 0, root: true, slice: inFragment ? UNKNOWN_SLICE : undefined, perSlice: false }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { type: parent, multiplier, depth, root, slice, perSlice } = frame;
    const add = (cost: number, entities: number) => {
      if (perSlice) {
        measure.costPerSlice += cost;
        measure.entitiesPerSlice += entities;
      } else {
        measure.cost += cost;
        measure.entities += entities;
      }
    };
    const sized = parent ? costs.sizedFields.get(parent.name) : undefined;
    for (const selection of frame.selectionSet.selections) {
      measure.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        if (root) measure.rootFields += 1;
        if (selection.alias) measure.aliases += 1;
        const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[selection.name.value] : undefined;
        const declared = field && parent ? costs.fields.get(`${parent.name}.${field.name}`) : undefined;
        add(multiplier * (declared?.weight ?? 1), 0);
        measure.depth = Math.max(measure.depth, depth + 1);
        let items = 1;
        let childSlice: number | undefined;
        let childPerSlice = perSlice;
        if (selection.name.value === ENTITIES_FIELD) {
          items = listLength(argumentValue(selection, "representations"), variables);
          add(0, multiplier * items);
        } else if (field) {
          const size =
            (declared?.slicingArguments && slicedSize(selection, field, declared.slicingArguments, variables)) ?? declared?.assumedSize ?? DEFAULT_LIST_SIZE;
          if (declared?.sizedFields?.length) childSlice = size;
          else if (sized?.has(field.name) && slice !== undefined) {
            if (slice === UNKNOWN_SLICE) childPerSlice = true;
            else items = slice;
          } else if (isListType(getNullableType(field.type))) items = size;
        }
        if (selection.selectionSet) {
          const named = field ? getNamedType(field.type) : undefined;
          stack.push({
            selectionSet: selection.selectionSet,
            type: named,
            multiplier: multiplier * Math.max(items, 1),
            depth: depth + 1,
            root: false,
            slice: childSlice,
            perSlice: childPerSlice,
          });
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : undefined;
        stack.push({ selectionSet: selection.selectionSet, type: condition ?? parent, multiplier, depth, root, slice, perSlice });
      } else {
        const fragment = measured.get(selection.name.value);
        if (!fragment) continue;
        if (root) measure.rootFields += fragment.rootFields;
        measure.aliases += fragment.aliases;
        measure.directives += fragment.directives;
        if (slice === UNKNOWN_SLICE) {
          add(multiplier * fragment.cost, multiplier * fragment.entities);
          measure.costPerSlice += multiplier * fragment.costPerSlice;
          measure.entitiesPerSlice += multiplier * fragment.entitiesPerSlice;
        } else {
          const items = Math.max(slice ?? DEFAULT_LIST_SIZE, 1);
          add(multiplier * (fragment.cost + items * fragment.costPerSlice), multiplier * (fragment.entities + items * fragment.entitiesPerSlice));
        }
        measure.depth = Math.max(measure.depth, depth + fragment.depth);
      }
    }
  }
  return measure;
}

/**
 * Measures an operation with the schema's types and the coerced variables: depth, aliases, root
 * fields, directives, cost and `_entities` representations, counting every fragment where it is
 * spread, yet walking each fragment once. `costs`: the schema's `@cost`/`@listSize` (default: read
 * from the schema's own AST nodes; the gateway passes the supergraph's).
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  costs: CostDirectives = costDirectivesOf(schema),
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const measured = new Map<string, FragmentMeasure>();
  for (const fragment of dependencyOrder(spreadNames(operation.selectionSet), fragments)) {
    const measure = measureSelectionSet(
      schema,
      costs,
      fragment.selectionSet,
      schema.getType(fragment.typeCondition.name.value) ?? undefined,
      measured,
      variables,
      true,
    );
    measure.directives += fragment.directives?.length ?? 0;
    measured.set(fragment.name.value, measure);
  }
  const root =
    operation.operation === "query" ? schema.getQueryType() : operation.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
  const { depth, aliases, rootFields, directives, cost, entities } = measureSelectionSet(
    schema,
    costs,
    operation.selectionSet,
    root ?? undefined,
    measured,
    variables,
    false,
  );
  return { depth, aliases, rootFields, directives: directives + (operation.directives?.length ?? 0), cost, entities };
}

/** Per document (Apollo Server hands the same document for the same text again): its longest list literal. */
const longestLists = new WeakMap<DocumentNode, number>();

/** The longest list literal in the document (defaults and directives too), but `_entities`' representations. */
export function longestListLiteral(document: DocumentNode): number {
  const known = longestLists.get(document);
  if (known !== undefined) return known;
  let longest = 0;
  // graphql-js's `visit` keeps its own stack: no recursion however deep the literal nests.
  visit(document, {
    Argument(node, _key, _parent, _path, ancestors) {
      const owner = ancestors.at(-2);
      const entities = owner && "kind" in owner && owner.kind === Kind.FIELD && owner.name.value === ENTITIES_FIELD;
      if (entities && node.name.value === "representations") return false; // counted as entities instead
      return undefined;
    },
    ListValue(node) {
      longest = Math.max(longest, node.values.length);
    },
  });
  longestLists.set(document, longest);
  return longest;
}

function namedTypeOf(type: TypeNode): string {
  let inner = type;
  while (inner.kind !== Kind.NAMED_TYPE) inner = inner.type;
  return inner.name.value;
}

/**
 * Checks the raw variables before graphql-js coerces them (its coercion recurses and copies): every
 * list at most `maxListItems` long (a variable of `_Any`, the representations, at most `maxEntities`),
 * nesting at most MAX_VARIABLE_DEPTH, at most a budget of values in all. An explicit stack, and a
 * list's length is read before its items, so a 600,000-item list is refused at once.
 */
export function checkRawVariables(
  raw: Readonly<Record<string, unknown>>,
  operation: OperationDefinitionNode,
  limits: EnforcedLimits,
): GraphQLError | undefined {
  const representations = new Set<string>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (namedTypeOf(definition.type) === "_Any") representations.add(definition.variable.name.value);
  }
  const budget = MAX_VARIABLE_VALUES + (limits.maxEntities ?? 0) * VALUES_PER_REPRESENTATION;
  let values = 0;
  const stack: { value: unknown; depth: number; entities: boolean }[] = [];
  // Counted as they are stacked, so a wide object is refused before its values pile up.
  const push = (value: unknown, depth: number, entities = false): GraphQLError | undefined => {
    values += 1;
    if (values > budget) return limitError("MAX_VARIABLE_VALUES_EXCEEDED", "maxVariableValues", budget, values, "The number of values in the variables");
    if (depth > MAX_VARIABLE_DEPTH) return limitError("MAX_DEPTH_EXCEEDED", "maxVariableDepth", MAX_VARIABLE_DEPTH, depth, "The variables' nesting depth");
    if (value !== null && typeof value === "object") stack.push({ value, depth, entities });
    return undefined;
  };
  for (const name in raw) {
    const error = push(raw[name], 1, representations.has(name) && limits.maxEntities !== undefined);
    if (error) return error;
  }
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, depth, entities } = item;
    let error: GraphQLError | undefined;
    if (Array.isArray(value)) {
      if (entities && value.length > (limits.maxEntities ?? 0)) return entitiesError(limits.maxEntities ?? 0, value.length);
      if (!entities && value.length > limits.maxListItems)
        return limitError("MAX_LIST_ITEMS_EXCEEDED", "maxListItems", limits.maxListItems, value.length, "A list argument's length");
      for (let index = 0; index < value.length && !error; index += 1) error = push(value[index], depth + 1);
    } else {
      const record = value as Record<string, unknown>;
      for (const key in record) {
        error = push(record[key], depth + 1);
        if (error) break;
      }
    }
    if (error) return error;
  }
  return undefined;
}

/** What a service knows of an operation once it is parsed, validated and resolved. */
export interface ResolvedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The variables as the client sent them. */
  variables: Readonly<Record<string, unknown>> | undefined;
  /** The schema's `@cost`/`@listSize` (default: read from the schema's AST nodes). */
  costs?: CostDirectives;
}

/**
 * The first limit the operation exceeds, or undefined. Raw variables are checked first; then they
 * are coerced (defaults apply, so `$n: Int = 100` counts as 100). Variables that do not coerce are
 * left to execution, which answers BAD_USER_INPUT.
 */
export function checkOperationLimits({ schema, document, operation, variables, costs }: ResolvedOperation, limits: EnforcedLimits): GraphQLError | undefined {
  const raw = variables ?? {};
  const rawError = checkRawVariables(raw, operation, limits);
  if (rawError) return rawError;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], raw, { maxErrors: 1 });
  if (coerced.errors) return undefined;
  const list = longestListLiteral(document);
  if (list > limits.maxListItems) return limitError("MAX_LIST_ITEMS_EXCEEDED", "maxListItems", limits.maxListItems, list, "A list argument's length");
  const measure = measureOperation(schema, document, operation, coerced.coerced, costs);
  if (limits.maxEntities !== undefined && measure.entities > limits.maxEntities) return entitiesError(limits.maxEntities, measure.entities);
  if (measure.depth > limits.maxDepth) return limitError("MAX_DEPTH_EXCEEDED", "maxDepth", limits.maxDepth, measure.depth, "The operation's depth");
  if (measure.aliases > limits.maxAliases) return limitError("MAX_ALIASES_EXCEEDED", "maxAliases", limits.maxAliases, measure.aliases, "The number of aliases");
  if (measure.rootFields > limits.maxRootFields)
    return limitError("MAX_ROOT_FIELDS_EXCEEDED", "maxRootFields", limits.maxRootFields, measure.rootFields, "The number of root fields");
  if (measure.directives > limits.maxDirectives)
    return limitError("MAX_DIRECTIVES_EXCEEDED", "maxDirectives", limits.maxDirectives, measure.directives, "The number of directives");
  if (measure.cost > limits.maxCost)
    return limitError(
      "MAX_COST_EXCEEDED",
      "maxCost",
      limits.maxCost,
      measure.cost,
      "The operation's estimated cost (each field once per item of the lists above it: `first`/`last`, else the list's `@listSize`)",
    );
  return undefined;
}

/**
 * Rejects operations over the limits before any field resolves (on the gateway: before any
 * subgraph is called), with HTTP 400 and a code per limit (MAX_DEPTH_EXCEEDED, MAX_ALIASES_EXCEEDED,
 * MAX_ENTITIES_EXCEEDED, ...). The token limit is the parser's own (see `apolloLimitOptions`).
 * `costs`: the `@cost`/`@listSize` table when the schema Apollo passes has lost them (the gateway's
 * API schema: read them from the supergraph); a subgraph's schema keeps them.
 */
export function operationLimitsPlugin(limits: EnforcedLimits, costs?: CostDirectives): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const error = checkOperationLimits({ schema, document, operation, variables: request.variables, costs }, limits);
          if (error) throw error;
        },
      };
    },
  };
}
