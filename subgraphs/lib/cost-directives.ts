import {
  type ConstDirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  type ConstValueNode,
  parse,
} from "graphql";

/** What the demand-control directives (`@cost`, `@listSize`, https://specs.apollo.dev/cost/v0.1) say of one field. */
export interface FieldCost {
  /** `@cost(weight:)`: what the field counts per item instead of 1. */
  weight?: number;
  /** `@listSize(assumedSize:)`: the list's size when no slicing argument gives it. */
  assumedSize?: number;
  /** `@listSize(slicingArguments:)`: arguments whose value (the largest given, else its default) is the list's size. */
  slicingArguments?: readonly string[];
  /** `@listSize(sizedFields:)`: the lists, on the returned object, that the size applies to (a connection's `edges`). */
  sizedFields?: readonly string[];
}

/** The directives of a schema, read once, for the cost estimate of `operation-limits.ts`. */
export interface CostDirectives {
  /** By `Type.field`. */
  fields: ReadonlyMap<string, FieldCost>;
  /** By type name: the fields the slicing argument of a field returning this type sizes (`IncidentConnection` → `edges`). */
  sizedFields: ReadonlyMap<string, ReadonlySet<string>>;
}

/** No directives: every list counts the default size. */
export const NO_COST_DIRECTIVES: CostDirectives = { fields: new Map(), sizedFields: new Map() };

function intValue(value: ConstValueNode | undefined): number | undefined {
  return value?.kind === Kind.INT ? Number(value.value) : undefined;
}

function stringList(value: ConstValueNode | undefined): string[] | undefined {
  if (value?.kind === Kind.STRING) return [value.value];
  if (value?.kind !== Kind.LIST) return undefined;
  return value.values.flatMap((item) => (item.kind === Kind.STRING ? [item.value] : []));
}

/** The directive's name without the `federation__` prefix a subgraph uses when it does not import it. */
function directiveName(directive: ConstDirectiveNode): string {
  return directive.name.value.replace(/^federation__/, "");
}

function fieldCost(directives: readonly ConstDirectiveNode[]): FieldCost | undefined {
  let found: FieldCost | undefined;
  for (const directive of directives) {
    const name = directiveName(directive);
    if (name !== "cost" && name !== "listSize") continue;
    const argument = (argumentName: string) => directive.arguments?.find((candidate) => candidate.name.value === argumentName)?.value;
    found ??= {};
    if (name === "cost") found.weight = intValue(argument("weight"));
    else {
      found.assumedSize = intValue(argument("assumedSize"));
      found.slicingArguments = stringList(argument("slicingArguments"));
      found.sizedFields = stringList(argument("sizedFields"));
    }
  }
  return found;
}

/**
 * Reads `@cost` and `@listSize` from type definitions: a subgraph's SDL or the supergraph's (where
 * they survive composition; the gateway's API schema has them stripped, so the gateway reads them
 * from the supergraph once at start).
 */
export function readCostDirectives(definitions: readonly DefinitionNode[] | DocumentNode | string): CostDirectives {
  const list = typeof definitions === "string" ? parse(definitions).definitions : "definitions" in definitions ? definitions.definitions : definitions;
  const fields = new Map<string, FieldCost>();
  const sizedFields = new Map<string, Set<string>>();
  for (const definition of list) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      definition.kind !== Kind.INTERFACE_TYPE_EXTENSION
    )
      continue;
    for (const field of definition.fields ?? []) {
      const cost = fieldCost(field.directives ?? []);
      if (!cost) continue;
      fields.set(`${definition.name.value}.${field.name.value}`, cost);
      if (!cost.sizedFields?.length) continue;
      let type = field.type;
      while (type.kind !== Kind.NAMED_TYPE) type = type.type;
      const set = sizedFields.get(type.name.value) ?? new Set<string>();
      for (const sized of cost.sizedFields) set.add(sized);
      sizedFields.set(type.name.value, set);
    }
  }
  return { fields, sizedFields };
}

const bySchema = new WeakMap<GraphQLSchema, CostDirectives>();

/** The directives kept in a schema's AST nodes (a subgraph's schema keeps them), read once per schema. */
export function costDirectivesOf(schema: GraphQLSchema): CostDirectives {
  let found = bySchema.get(schema);
  if (!found) {
    const definitions = Object.values(schema.getTypeMap()).flatMap((type) =>
      isObjectType(type) || isInterfaceType(type) ? [...(type.astNode ? [type.astNode] : []), ...type.extensionASTNodes] : [],
    );
    found = readCostDirectives(definitions);
    bySchema.set(schema, found);
  }
  return found;
}
