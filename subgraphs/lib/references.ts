import { type DocumentNode, getNamedType, getNullableType, type GraphQLInputType, isInputObjectType, isListType, Kind, valueFromASTUntyped } from "graphql";

/** The spec URL of our `@reference` directive (composed into the supergraph with `@composeDirective`). */
export const REFERENCE_SPEC = "https://conflict-graph.dev/reference/v0.1";

/** For each `InputType.field` marked `@reference(type: "...")`: the entity type its ids name. */
export type ReferenceFields = Map<string, string>;

/** Reads the `@reference` marks of a schema document (a subgraph's SDL or the supergraph). */
export function readReferenceFields(document: DocumentNode): ReferenceFields {
  const fields: ReferenceFields = new Map();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INPUT_OBJECT_TYPE_EXTENSION) continue;
    for (const field of definition.fields ?? []) {
      const directive = field.directives?.find((d) => d.name.value === "reference");
      const type = directive?.arguments?.find((arg) => arg.name.value === "type");
      if (type) fields.set(`${definition.name.value}.${field.name.value}`, String(valueFromASTUntyped(type.value)));
    }
  }
  return fields;
}

/** One referenced id: the entity type, the id, and where in the arguments it was given (`input.speakerId`, `input.aboutIncidentIds[2]`). */
export interface Reference {
  type: string;
  id: string;
  path: string;
}

/** Every referenced id in a coerced argument value of type `type`, found through nested inputs and lists. */
export function collectReferences(fields: ReferenceFields, type: GraphQLInputType, value: unknown, path: string, found: Reference[] = []): Reference[] {
  if (value === null || value === undefined) return found;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) value.forEach((item, index) => collectReferences(fields, nullable.ofType, item, `${path}[${index}]`, found));
    return found;
  }
  if (!isInputObjectType(nullable) || typeof value !== "object") return found;
  for (const [name, field] of Object.entries(nullable.getFields())) {
    const fieldValue = (value as Record<string, unknown>)[name];
    const referenced = fields.get(`${nullable.name}.${name}`);
    if (!referenced) {
      if (isInputObjectType(getNamedType(field.type))) collectReferences(fields, field.type, fieldValue, `${path}.${name}`, found);
      continue;
    }
    const ids = Array.isArray(fieldValue)
      ? fieldValue.map((id, index) => [id, `${path}.${name}[${index}]`] as const)
      : [[fieldValue, `${path}.${name}`] as const];
    for (const [id, at] of ids) if (typeof id === "string") found.push({ type: referenced, id, path: at });
  }
  return found;
}
