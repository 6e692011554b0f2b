import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import {
  buildSchema,
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import { projectRoot } from "../subgraphs/lib/paths";
import { readCostDirectives } from "../subgraphs/lib/cost-directives";
import { checkOperationLimits, DEFAULT_LIST_SIZE, DEFAULT_OPERATION_LIMITS, measureOperation, type OperationMeasure } from "../subgraphs/lib/operation-limits";
import { send, startTestSystem, type TestSystem } from "./support/system";

// Random documents over the real API schema (nested fields, aliases, `first` literals and variables
// with and without defaults, named fragments spreading each other, inline fragments, directives) and
// hostile variables (deep, wide, long), thrown at the limit code. Properties: it never throws (only
// returns a limit error), it agrees with a naive measure that expands every fragment, and its time
// grows linearly with the request. The time bound is a complexity guard, not a speed benchmark: it
// is loose enough for a loaded two-core machine and fails only when time grows with the expansion
// of the fragments (seconds) instead of the size of the text (milliseconds).

const schema = buildSchema(readFileSync(join(projectRoot(), "schema/api.graphql"), "utf8"));
// The API schema has no directives (as on the gateway): the list sizes come from the supergraph.
const costs = readCostDirectives(readFileSync(join(projectRoot(), "schema/supergraph.graphql"), "utf8"));
const limits = DEFAULT_OPERATION_LIMITS;
const MS_PER_KB = 5;
const MS_BASE = 50;

/** Reads random choices in turn (fast-check shrinks the array, so failures come out small). */
class Choices {
  private next = 0;
  constructor(private readonly values: number[]) {}
  pick(count: number): number {
    const value = this.values[this.next % this.values.length] ?? 0;
    this.next += 1;
    return count <= 0 ? 0 : value % count;
  }
}

/** A literal of an input type, with every required input field filled. */
function literal(type: GraphQLInputType, depth = 0): string {
  const inner = getNullableType(type);
  if (isListType(inner)) return `[${literal(inner.ofType, depth + 1)}]`;
  if (isEnumType(inner)) return inner.getValues()[0]?.name ?? "null";
  if (isInputObjectType(inner)) {
    const required = Object.values(inner.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return depth > 3 ? "{}" : `{ ${required.map((field) => `${field.name}: ${literal(field.type, depth + 1)}`).join(" ")} }`;
  }
  if (isScalarType(inner) && (inner.name === "Int" || inner.name === "Float")) return "1";
  if (isScalarType(inner) && inner.name === "Boolean") return "true";
  if (isScalarType(inner) && inner.name === "Date") return '"2024-01-01"';
  if (isScalarType(inner) && inner.name === "DateTime") return '"2024-01-01T00:00:00Z"';
  return '"x"';
}

interface Built {
  query: string;
  variables: Record<string, unknown>;
}

/** Builds an operation over the schema from the choices: fragments first (each may spread the ones before it), then the query. */
function buildDocument(choices: Choices, fragmentCount: number, spreadsPerFragment: number): Built {
  const definitions: string[] = [];
  const declared: string[] = [];
  const variables: Record<string, unknown> = {};
  const fragments: { name: string; type: GraphQLNamedType }[] = [];
  const argumentsOf = new Map<string, string>(); // one argument list per field, so that repeated fields merge
  let counter = 0;
  const composite = Object.values(schema.getTypeMap()).filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith("__"));

  const fieldArguments = (parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, aliased: boolean): string => {
    const key = `${parent.name}.${field.name}`;
    const known = argumentsOf.get(key);
    if (known !== undefined && !aliased) return known;
    const parts: string[] = [];
    for (const argument of field.args) {
      if (argument.name === "first" && choices.pick(2) === 0) {
        const mode = choices.pick(3);
        const size = [0, 1, 5, 20, 100, 1000][choices.pick(6)] ?? 1;
        if (mode === 0) parts.push(`first: ${size}`);
        else {
          const name = `v${(counter += 1)}`;
          declared.push(mode === 1 ? `$${name}: Int = ${size}` : `$${name}: Int`);
          if (mode === 2) variables[name] = size;
          parts.push(`first: $${name}`);
        }
      } else if (isNonNullType(argument.type) && argument.defaultValue === undefined) {
        parts.push(`${argument.name}: ${literal(argument.type)}`);
      }
    }
    const text = parts.length ? `(${parts.join(", ")})` : "";
    if (!aliased) argumentsOf.set(key, text);
    return text;
  };

  const directive = () => [" ", " ", " @include(if: true)", " @skip(if: false)"][choices.pick(4)];

  let budget = 400; // selections in the whole document, so that random nesting stays a few kilobytes
  const selectionSet = (type: GraphQLNamedType, depth: number): string => {
    const fields = isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : [];
    const own = fragments.filter((fragment) => fragment.type === type);
    const selections: string[] = ["__typename"];
    const count = 1 + choices.pick(4);
    for (let i = 0; i < count && budget > 0; i += 1) {
      budget -= 1;
      const kind = choices.pick(10);
      if (kind === 0 && own.length) {
        selections.push(`...${own[choices.pick(own.length)]?.name}${directive()}`);
      } else if (kind === 1 && depth < 8) {
        selections.push(`... on ${type.name}${directive()} { ${selectionSet(type, depth + 1)} }`);
      } else if (fields.length) {
        const field = fields[choices.pick(fields.length)]!;
        const named = getNamedType(field.type);
        const leaf = !(isObjectType(named) || isInterfaceType(named));
        if (!leaf && depth >= 8) continue;
        const aliased = choices.pick(4) === 0;
        const alias = aliased ? `a${(counter += 1)}: ` : "";
        const body = leaf ? "" : ` { ${selectionSet(named, depth + 1)} }`;
        selections.push(`${alias}${field.name}${fieldArguments(type, field, aliased)}${directive()}${body}`);
      }
    }
    return selections.join(" ");
  };

  for (let index = 0; index < fragmentCount; index += 1) {
    const type = choices.pick(2) === 0 ? schema.getQueryType()! : composite[choices.pick(composite.length)]!;
    const name = `F${index}`;
    const spreads = fragments.filter((fragment) => fragment.type === type).slice(-1);
    const body = [selectionSet(type, 1), ...spreads.flatMap((fragment) => Array<string>(spreadsPerFragment).fill(`...${fragment.name}`))].join(" ");
    definitions.push(`fragment ${name} on ${type.name} { ${body} }`);
    fragments.push({ name, type });
  }
  const operation = selectionSet(schema.getQueryType()!, 0);
  const header = declared.length ? `query Q(${declared.join(", ")})` : "query Q";
  // Only the fragments the operation reaches may be defined (validation rejects unused ones): keep all
  // defined and let validation speak for the others; the limit code must cope either way.
  return { query: [`${header} { ${operation} }`, ...definitions].join(" "), variables };
}

/** Hostile variable values: deep lists and objects, long and wide ones, built without recursion. */
const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }),
  fc.integer({ min: 1, max: 20_000 }).map((levels) => {
    let value: unknown = "a";
    for (let level = 0; level < levels; level += 1) value = level % 2 ? [value] : { a: value };
    return value;
  }),
  fc.integer({ min: 0, max: 150_000 }).map((length) => new Array<number>(length).fill(1)),
  fc.integer({ min: 0, max: 50_000 }).map((width) => Object.fromEntries(Array.from({ length: width }, (_, i) => [`k${i}`, i]))),
);

/** Selections the naive measure may walk before it gives up (it is exponential in fragment bombs). */
const NAIVE_BUDGET = 100_000;

/**
 * The measure without memoization: every spread walks its fragment again. Undefined when that would
 * take more than NAIVE_BUDGET selections.
 */
function naiveMeasure(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): OperationMeasure | undefined {
  let budget = NAIVE_BUDGET;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const measure: OperationMeasure = { depth: 0, aliases: 0, rootFields: 0, directives: operation.directives?.length ?? 0, cost: 0, entities: 0 };
  const size = (value: ValueNode | undefined): number | undefined => {
    if (value?.kind === Kind.INT) return Number(value.value);
    const bound = value?.kind === Kind.VARIABLE ? variables[value.name.value] : undefined;
    return typeof bound === "number" ? bound : undefined;
  };
  // `slice`: the page size of the connection being walked (`first`/`last`), which sizes its `edges`.
  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, multiplier: number, depth: number, root: boolean, slice?: number): void => {
    for (const selection of set.selections) {
      budget -= 1;
      if (budget < 0) return;
      measure.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        if (root) measure.rootFields += 1;
        if (selection.alias) measure.aliases += 1;
        const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[selection.name.value] : undefined;
        const declared = field && parent ? costs.fields.get(`${parent.name}.${field.name}`) : undefined;
        measure.cost += multiplier * (declared?.weight ?? 1);
        measure.depth = Math.max(measure.depth, depth + 1);
        if (!selection.selectionSet || !field) continue;
        const named = getNamedType(field.type);
        const given = (declared?.slicingArguments ?? []).flatMap((name) => {
          const value = selection.arguments?.find((candidate) => candidate.name.value === name)?.value;
          const fallback = field.args.find((argument) => argument.name === name)?.defaultValue;
          const found = value ? size(value) : typeof fallback === "number" ? fallback : undefined;
          return found === undefined ? [] : [found];
        });
        const length = given.length ? Math.max(...given) : (declared?.assumedSize ?? DEFAULT_LIST_SIZE);
        if (declared?.sizedFields?.length) {
          walk(selection.selectionSet, named, multiplier, depth + 1, false, length);
          continue;
        }
        const items =
          costs.sizedFields.get(parent!.name)?.has(field.name) && slice !== undefined ? slice : isListType(getNullableType(field.type)) ? length : 1;
        walk(selection.selectionSet, named, multiplier * Math.max(items, 1), depth + 1, false);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : undefined;
        walk(selection.selectionSet, condition ?? parent, multiplier, depth, root, slice);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue;
        measure.directives += fragment.directives?.length ?? 0;
        walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined, multiplier, depth, root, slice);
      }
    }
  };
  walk(operation.selectionSet, schema.getQueryType() ?? undefined, 1, 0, true);
  return budget < 0 ? undefined : measure;
}

const requests = fc.record({
  choices: fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 200 }),
  fragments: fc.integer({ min: 0, max: 30 }),
  spreads: fc.integer({ min: 1, max: 4 }),
  hostile: fc.option(hostileValue, { nil: undefined }),
});

let tried = 0;
let worstMsPerKb = 0;
let compared = 0;

describe("the limit code on random documents and variables", () => {
  afterAll(() => {
    console.log(
      `limits property: ${tried} requests measured, ${compared} compared with the naive measure; worst ${worstMsPerKb.toFixed(3)} ms/KB (bound ${MS_PER_KB} ms/KB + ${MS_BASE} ms)`,
    );
  });

  it("never throws, agrees with a naive expansion, and takes time linear in the request", () => {
    fc.assert(
      fc.property(requests, ({ choices, fragments, spreads, hostile }) => {
        const built = buildDocument(new Choices(choices), fragments, spreads);
        const variables = hostile === undefined ? built.variables : { ...built.variables, junk: hostile };
        const document = parse(built.query, { noLocation: true });
        const operation = getOperationAST(document, "Q")!;
        const kilobytes = (built.query.length + (hostile === undefined ? 0 : approximateSize(hostile))) / 1024;

        // CPU time of this process, not wall time: other processes on a busy CI machine do not count.
        const started = process.cpuUsage();
        const error = checkOperationLimits({ schema, document, operation, variables, costs }, limits);
        const used = process.cpuUsage(started);
        const ms = (used.user + used.system) / 1000;
        tried += 1;
        worstMsPerKb = Math.max(worstMsPerKb, (ms - MS_BASE) / kilobytes);
        expect(ms).toBeLessThanOrEqual(MS_PER_KB * kilobytes + MS_BASE);
        if (error) {
          expect(error).toBeInstanceOf(GraphQLError);
          expect(error.extensions.code).toMatch(/^MAX_\w+_EXCEEDED$/);
          expect(error.extensions.http).toEqual({ status: 400 });
        }

        // Where expanding is affordable, the memoized measure equals the naive one.
        const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], built.variables);
        const naive = coerced.coerced && naiveMeasure(document, operation, coerced.coerced);
        if (naive) {
          compared += 1;
          expect(measureOperation(schema, document, operation, coerced.coerced, costs)).toEqual(naive);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** The JSON size of a value, counted without JSON.stringify (which recurses, and these values nest 20,000 deep). */
function approximateSize(value: unknown): number {
  let size = 0;
  const stack = [value];
  for (let item = stack.pop(); item !== undefined || stack.length; item = stack.pop()) {
    if (Array.isArray(item)) {
      size += 2 + item.length;
      for (const element of item) stack.push(element);
    } else if (item !== null && typeof item === "object") {
      const record = item as Record<string, unknown>;
      size += 2;
      for (const key in record) {
        size += key.length + 4;
        stack.push(record[key]);
      }
    } else size += String(item).length;
  }
  return size;
}

describe("the gateway over HTTP on random documents", () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem("embedded", { NODE_ENV: "production", SUBGRAPH_TIMEOUT_MS: "5000" });
  });
  afterAll(async () => {
    await system?.stop();
  });

  it("answers 200 or 400, never 500", async () => {
    await fc.assert(
      fc.asyncProperty(requests, async ({ choices, fragments, spreads, hostile }) => {
        const built = buildDocument(new Choices(choices), fragments, spreads);
        let body: string;
        try {
          body = JSON.stringify({ query: built.query, variables: { ...built.variables, junk: hostile } });
        } catch {
          body = JSON.stringify({ query: built.query, variables: built.variables }); // too deep for JSON.stringify itself
        }
        const answer = await send(system.url, body);
        // 413: variables over the 2 MB body limit; 401: a field that needs a bearer token (`statementWrites`).
        expect([200, 400, 401, 413]).toContain(answer.status);
      }),
      { numRuns: 40 },
    );
  });
});
