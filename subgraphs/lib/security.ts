import { type ApolloServerPlugin, type BaseContext, HeaderMap } from "@apollo/server";
import {
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  type GraphQLSchema,
  isAbstractType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type GraphQLCompositeType,
  typeFromAST,
  valueFromASTUntyped,
} from "graphql";
import { z } from "zod";

/** Who a verified bearer token says the caller is: its subject and the scopes it grants. */
export interface Principal {
  sub: string;
  scopes: string[];
}

/**
 * The header the gateway forwards the verified caller in, as JSON `{ "sub", "scopes" }`. A subgraph
 * believes it only on a request that also carries the gateway secret (see `principalFromHeader`).
 */
export const PRINCIPAL_HEADER = "x-gateway-principal";

const principalSchema = z.object({ sub: z.string().min(1).max(200), scopes: z.array(z.string().max(200)).max(200) });

/**
 * The principal a request from the gateway carries, or undefined. `trusted` must say whether the
 * request proved it comes from the gateway (the shared secret): without that proof anyone could
 * claim any identity, so the header is ignored.
 */
export function principalFromHeader(value: string | string[] | undefined, trusted: boolean): Principal | undefined {
  if (!trusted || typeof value !== "string" || value === "") return undefined;
  try {
    const parsed = principalSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** What a field or type asks of the caller: a verified token, and scopes (any one inner list, all of its scopes). */
export interface Requirement {
  authenticated: boolean;
  /** Alternatives: the caller must hold every scope of at least one list. Empty: no scope needed. */
  scopes: string[][];
}

/** Requirements by `Type` (on every field returning it) and by `Type.field`. */
export type SecurityRequirements = Map<string, Requirement>;

function requirementOf(directives: readonly DirectiveNode[] | undefined): Requirement | undefined {
  let requirement: Requirement | undefined;
  for (const directive of directives ?? []) {
    if (directive.name.value === "authenticated") {
      requirement = { authenticated: true, scopes: requirement?.scopes ?? [] };
    } else if (directive.name.value === "requiresScopes") {
      const argument = directive.arguments?.find((arg) => arg.name.value === "scopes");
      const value = argument ? (valueFromASTUntyped(argument.value) as unknown) : [];
      const scopes = Array.isArray(value) ? value.map((inner) => (Array.isArray(inner) ? inner.map(String) : [String(inner)])) : [];
      requirement = { authenticated: true, scopes: [...(requirement?.scopes ?? []), ...scopes] };
    }
  }
  return requirement;
}

/**
 * Reads the `@authenticated` and `@requiresScopes` directives (Apollo's security directives) of a
 * schema document: a subgraph's SDL, or the composed supergraph, where composition keeps them.
 */
export function readSecurityRequirements(document: DocumentNode): SecurityRequirements {
  const requirements: SecurityRequirements = new Map();
  for (const definition of document.definitions) {
    if (!("name" in definition) || !definition.name || !("directives" in definition)) continue;
    const typeName = definition.name.value;
    const own = requirementOf(definition.directives);
    if (own) requirements.set(typeName, own);
    if (!("fields" in definition)) continue;
    for (const field of definition.fields ?? []) {
      if (field.kind !== Kind.FIELD_DEFINITION) continue;
      const requirement = requirementOf(field.directives);
      if (requirement) requirements.set(`${typeName}.${field.name.value}`, requirement);
    }
  }
  return requirements;
}

/** The security requirements of a built schema, read from the definitions it was built from. */
export function schemaSecurityRequirements(schema: GraphQLSchema): SecurityRequirements {
  const definitions = Object.values(schema.getTypeMap()).flatMap((type) => (type.astNode ? [type.astNode] : []));
  return readSecurityRequirements({ kind: Kind.DOCUMENT, definitions });
}

/** Why an operation is refused: no (valid) token, or a token without the scopes. */
export type AccessDenial = "UNAUTHENTICATED" | "FORBIDDEN";

function allows(requirement: Requirement, principal: Principal | undefined): AccessDenial | undefined {
  if (!principal) return "UNAUTHENTICATED";
  if (requirement.scopes.length === 0) return undefined;
  const held = new Set(principal.scopes);
  return requirement.scopes.some((alternative) => alternative.every((scope) => held.has(scope))) ? undefined : "FORBIDDEN";
}

/**
 * Checks every field an operation selects (through fragments and inline fragments, and on every
 * possible type of an abstract parent) against the requirements: the first denial found, or
 * undefined when the caller may run it. A missing token outranks a missing scope.
 */
export function checkAccess(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  requirements: SecurityRequirements,
  principal: Principal | undefined,
): AccessDenial | undefined {
  if (requirements.size === 0) return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  let denial: AccessDenial | undefined;
  const note = (requirement: Requirement | undefined) => {
    if (!requirement) return;
    const found = allows(requirement, principal);
    if (found === "UNAUTHENTICATED" || (found && !denial)) denial = found;
  };
  const seen = new Set<string>();
  const walk = (parent: GraphQLCompositeType, selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith("__")) continue;
        const parents = isAbstractType(parent) ? [parent, ...schema.getPossibleTypes(parent)] : [parent];
        for (const type of parents) {
          note(requirements.get(`${type.name}.${name}`));
          if (!isObjectType(type) && !isInterfaceType(type)) continue;
          const field = type.getFields()[name];
          if (!field) continue;
          const result = getNamedType(field.type);
          note(requirements.get(result.name));
          // An interface or union field may return an object of a protected type: refuse rather than leak it.
          if (isAbstractType(result)) for (const possible of schema.getPossibleTypes(result)) note(requirements.get(possible.name));
          if (selection.selectionSet && isCompositeType(result)) walk(result, selection.selectionSet);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? typeFromAST(schema, selection.typeCondition) : parent;
        walk(condition && isCompositeType(condition) ? condition : parent, selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        // Each fragment once per parent type: a fragment spread many times is still walked once.
        const key = `${selection.name.value}@${parent.name}`;
        if (!fragment || seen.has(key)) continue;
        seen.add(key);
        const condition = typeFromAST(schema, fragment.typeCondition);
        walk(condition && isCompositeType(condition) ? condition : parent, fragment.selectionSet);
      }
      if (denial === "UNAUTHENTICATED") return;
    }
  };
  const root = schema.getRootType(operation.operation);
  if (root) walk(root, operation.selectionSet);
  return denial;
}

/**
 * The error for a refused operation: 401 with `WWW-Authenticate: Bearer` when a valid token is
 * missing, 403 when its scopes are not enough. The message says what to do and nothing else (no
 * verification detail, no field names a caller may not know about).
 */
export function accessDenied(denial: AccessDenial): GraphQLError {
  if (denial === "UNAUTHENTICATED") {
    // Apollo Server reads `http.headers` as a HeaderMap; graphql-yoga (the bench's Hive Gateway setup)
    // augments graphql's extension types project-wide to a plain record, hence the cast.
    return new GraphQLError("This operation needs a valid bearer token: send `Authorization: Bearer <token>` with an unexpired token from the issuer.", {
      extensions: {
        code: "UNAUTHENTICATED",
        http: { status: 401, headers: new HeaderMap([["www-authenticate", "Bearer"]]) as unknown as Record<string, string> },
      },
    });
  }
  return new GraphQLError("The bearer token does not grant the scopes this operation needs; ask the issuer for a token with them.", {
    extensions: { code: "FORBIDDEN", http: { status: 403 } },
  });
}

/**
 * Enforces the security directives before anything runs (at `didResolveOperation`, so before the
 * gateway plans or a subgraph resolves): the operation is refused whole when one selected field
 * is not allowed. `principalOf` returns the verified caller, or undefined for an anonymous one; a
 * token that did not verify ("invalid") counts as none: open fields stay open to its holder, and a
 * field that needs a token answers 401.
 */
export function securityPlugin<TContext extends BaseContext>(
  requirements: SecurityRequirements,
  principalOf: (context: TContext) => Principal | "invalid" | undefined,
): ApolloServerPlugin<TContext> {
  // Apollo Server hands the same document (and operation node) for the same text again: an operation
  // the anonymous caller, the least privileged, may run is open to every caller, and is walked once.
  const open = new WeakMap<OperationDefinitionNode, boolean>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, contextValue }) {
          if (!operation) return;
          let anyone = open.get(operation);
          if (anyone === undefined) open.set(operation, (anyone = checkAccess(schema, document, operation, requirements, undefined) === undefined));
          if (anyone) return;
          const principal = principalOf(contextValue);
          const denial = checkAccess(schema, document, operation, requirements, principal === "invalid" ? undefined : principal);
          if (denial) throw accessDenied(denial);
        },
      };
    },
  };
}
