import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Request, RequestHandler } from "express";
import {
  type DefinitionNode,
  type DocumentNode,
  type FieldNode,
  type InlineFragmentNode,
  Kind,
  parse,
  print,
  type SelectionNode,
  type SelectionSetNode,
  stripIgnoredCharacters,
} from "graphql";
import { z } from "zod";
import { errorBody, REQUEST_ID_HEADER } from "../subgraphs/lib/http";

/** The error code of an operation that is not in the manifest (Apollo Router's name for it). */
export const NOT_IN_LIST = "PERSISTED_QUERY_NOT_IN_LIST";

/** A persisted-documents manifest, checked: what the gateway runs by id, and which texts it allows. */
export interface TrustedDocuments {
  /** Document text by its sha256 hash in hex (no `sha256:` prefix). */
  byHash: ReadonlyMap<string, string>;
  /** The canonical form (`canonicalForm`) of every document, for matching free text against the list. */
  canonical: ReadonlySet<string>;
}

/**
 * The client preset's `persisted-documents.json`: `{ "sha256:<hex>": "<document>" }`. Bare hex ids
 * are accepted too (what `extensions.persistedQuery.sha256Hash` carries).
 */
const manifestSchema = z
  .record(z.string().regex(/^(sha256:)?[0-9a-f]{64}$/, 'ids are "sha256:" and 64 lowercase hex digits'), z.string().min(1))
  .refine((manifest) => Object.keys(manifest).length > 0, "it has no documents");

/** The hash an id names: `sha256:<hex>` or `<hex>`; undefined for any other form. */
function hashOf(id: string): string | undefined {
  const hex = id.startsWith("sha256:") ? id.slice("sha256:".length) : id;
  return /^[0-9a-f]{64}$/.test(hex) ? hex : undefined;
}

function sortSelectionSet(set: SelectionSetNode, keepOrder: boolean): SelectionSetNode {
  const selections = set.selections.map(sortSelection);
  if (!keepOrder) selections.sort((a, b) => compare(print(a), print(b)));
  return { ...set, selections };
}

function sortSelection(selection: SelectionNode): SelectionNode {
  if (selection.kind === Kind.FRAGMENT_SPREAD) return selection;
  const sorted: FieldNode | InlineFragmentNode =
    selection.kind === Kind.FIELD
      ? { ...selection, arguments: [...(selection.arguments ?? [])].sort((a, b) => compare(a.name.value, b.name.value)) }
      : selection;
  return selection.selectionSet ? { ...sorted, selectionSet: sortSelectionSet(selection.selectionSet, false) } : sorted;
}

function sortDefinition(definition: DefinitionNode): DefinitionNode {
  if (definition.kind === Kind.FRAGMENT_DEFINITION) return { ...definition, selectionSet: sortSelectionSet(definition.selectionSet, false) };
  if (definition.kind !== Kind.OPERATION_DEFINITION) return definition;
  return {
    ...definition,
    variableDefinitions: [...(definition.variableDefinitions ?? [])].sort((a, b) => compare(a.variable.name.value, b.variable.name.value)),
    // A mutation's root fields run in order: that order is part of what was trusted.
    selectionSet: sortSelectionSet(definition.selectionSet, definition.operation === "mutation"),
  };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A document's text with everything that does not change what it runs taken out: ignored tokens
 * (whitespace, commas, comments) and the order of definitions, fields, arguments and variables
 * (not a mutation's root fields). The client preset writes its manifest sorted and on one line, while
 * clients send the text as written; both reduce to this form. Apollo Router's safelist ignores only
 * definition order and ignored tokens.
 */
export function canonicalForm(document: DocumentNode): string {
  const definitions = document.definitions.map(sortDefinition).sort((a, b) => compare(print(a), print(b)));
  return stripIgnoredCharacters(print({ ...document, definitions }));
}

/**
 * Reads and checks a persisted-documents manifest: JSON of the right shape, every document parses and
 * hashes to its id. Throws one line naming the variable, so a bad manifest stops start-up.
 */
export function readTrustedDocuments(path: string): TrustedDocuments {
  const fail = (problem: string): never => {
    throw new Error(`TRUSTED_DOCUMENTS=${path}: ${problem.replace(/\s*\n\s*/g, " ")}`);
  };
  let text = "";
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    fail(`the manifest cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); generate it with \`npm run codegen\``);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    fail(`the manifest is not JSON (${(error as Error).message})`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(
      `not a persisted-documents manifest ({ "sha256:<hex>": "<document>" }): ${issue?.path.length ? `${issue.path.join(".")}: ` : ""}${issue?.message}`,
    );
  }
  const byHash = new Map<string, string>();
  const canonical = new Set<string>();
  for (const [id, document] of Object.entries(parsed.data)) {
    const hash = hashOf(id) ?? fail(`${id} is not a sha256 id`);
    const actual = createHash("sha256").update(document).digest("hex");
    if (actual !== hash) fail(`${id} is not the hash of its document (sha256 ${actual}); regenerate the manifest`);
    try {
      canonical.add(canonicalForm(parse(document, { noLocation: true })));
    } catch (error) {
      fail(`${id}: ${(error as Error).message}`);
    }
    byHash.set(hash, document);
  }
  return { byHash, canonical };
}

/** What a GraphQL-over-HTTP request carries, from a JSON body (POST) or the URL (GET). */
interface Carried {
  query: unknown;
  documentId: unknown;
  sha256Hash: unknown;
}

function carried(request: Request): Carried {
  if (request.method === "GET") {
    const params = new URL(request.url, "http://gateway").searchParams;
    let extensions: { persistedQuery?: { sha256Hash?: unknown } } | undefined;
    try {
      extensions = JSON.parse(params.get("extensions") ?? "null") as typeof extensions;
    } catch {
      extensions = undefined; // Apollo Server reports malformed extensions itself.
    }
    return { query: params.get("query") ?? undefined, documentId: params.get("documentId") ?? undefined, sha256Hash: extensions?.persistedQuery?.sha256Hash };
  }
  const body = (typeof request.body === "object" && request.body !== null ? request.body : {}) as Record<string, unknown>;
  const extensions = body.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
  return { query: body.query, documentId: body.documentId, sha256Hash: extensions?.persistedQuery?.sha256Hash };
}

/**
 * Puts a document from the manifest into the request, where Apollo Server reads it: the body's
 * `query` (POST) or the URL's (GET; @as-integrations/express5 reads `request.url`). `documentId` is
 * removed, since Apollo Server knows only `query` and `extensions.persistedQuery`.
 */
function supply(request: Request, document: string): void {
  if (request.method === "GET") {
    const url = new URL(request.url, "http://gateway");
    url.searchParams.delete("documentId");
    url.searchParams.set("query", document);
    request.url = `${url.pathname}${url.search}`;
    return;
  }
  const body = request.body as Record<string, unknown>;
  delete body.documentId;
  body.query = document;
}

/** Whether a free-text operation is in the manifest, however it is laid out. */
function listed(trusted: TrustedDocuments, query: string, maxTokens: number): boolean {
  try {
    return trusted.canonical.has(canonicalForm(parse(query, { noLocation: true, maxTokens })));
  } catch {
    return false; // Does not parse (or is over the token limit): not in the list either way.
  }
}

/** How the gateway treats trusted documents. */
export interface TrustedDocumentsOptions {
  documents: TrustedDocuments;
  /** Refuse every operation that is not in the manifest (by id or by text). */
  only: boolean;
  /** The parser's token limit, applied before matching free text against the list. */
  maxTokens: number;
}

/**
 * The express step in front of Apollo Server: an operation sent by id (`documentId`, or
 * `extensions.persistedQuery.sha256Hash` without `query`) gets its document from the manifest. With
 * `only`, free text must be in the manifest and unknown ids are refused; without it, free text and
 * automatic persisted queries pass through to Apollo Server as before.
 */
export function trustedDocumentsStep(options: TrustedDocumentsOptions): RequestHandler {
  const { documents, only } = options;
  return (request, response, next) => {
    const { query, documentId, sha256Hash } = carried(request);
    const refuse = (message: string) => response.status(400).json(errorBody(message, NOT_IN_LIST, { requestId: request.headers[REQUEST_ID_HEADER] }));
    if (typeof query === "string" && query !== "") {
      if (!only || listed(documents, query, options.maxTokens)) return next();
      return refuse(
        "This gateway runs trusted documents only, and this operation is not one of them. Send its id from the client's persisted-documents manifest " +
          '(`documentId: "sha256:<hex>"` or `extensions.persistedQuery.sha256Hash`), or add the operation to the manifest (`npm run codegen`) and deploy it.',
      );
    }
    const id = typeof documentId === "string" ? documentId : typeof sha256Hash === "string" ? sha256Hash : undefined;
    if (id === undefined) return next();
    const hash = hashOf(id);
    const document = hash === undefined ? undefined : documents.byHash.get(hash);
    if (document !== undefined) {
      supply(request, document);
      return next();
    }
    // Without `only`, an unknown APQ hash is Apollo Server's to answer (PERSISTED_QUERY_NOT_FOUND, then the client registers it).
    if (!only && documentId === undefined) return next();
    refuse(
      `No trusted document has the id ${JSON.stringify(id)}. The client and the gateway's manifest (TRUSTED_DOCUMENTS) differ: ` +
        "deploy the manifest generated with this client (`npm run codegen`).",
    );
  };
}
