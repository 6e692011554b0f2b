import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type GraphQLFormattedError, print } from "graphql";

/**
 * How an operation travels to the gateway:
 * - `text`: the document's text in `query` (what any GraphQL client sends);
 * - `documentId`: only its id, GraphQL-over-HTTP persisted-documents style (`sha256:<hex>`);
 * - `persistedQuery`: only its hash in `extensions.persistedQuery`, as Apollo clients send it.
 */
export type SendAs = (typeof SEND_AS)[number];
/** Every way of sending an operation. */
export const SEND_AS = ["text", "documentId", "persistedQuery"] as const;

/** Whether `value` names a way of sending an operation. */
export function isSendAs(value: string): value is SendAs {
  return (SEND_AS as readonly string[]).includes(value);
}

/** The gateway refused the operation or answered with errors; `errors` has them as sent. */
export class GraphQLRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly GraphQLFormattedError[],
  ) {
    super(`HTTP ${status}: ${errors.map((error) => `${error.message} (${String(error.extensions?.code ?? "no code")})`).join("; ")}`);
  }
}

/** The id the client preset embedded in a generated document (`persistedDocuments`), e.g. `sha256:ab12...`. */
export function documentIdOf(document: TypedDocumentNode<unknown, never>): string {
  const id = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof id !== "string") throw new Error("This document has no persisted-document hash; regenerate the client with `npm run codegen`.");
  return id;
}

/** The request body for `document` sent as `sendAs`. */
function requestBody<TVariables>(document: TypedDocumentNode<unknown, TVariables>, variables: TVariables, sendAs: SendAs): Record<string, unknown> {
  if (sendAs === "text") return { query: print(document), variables };
  const id = documentIdOf(document);
  if (sendAs === "documentId") return { documentId: id, variables };
  return { variables, extensions: { persistedQuery: { version: 1, sha256Hash: id.replace(/^sha256:/, "") } } };
}

/**
 * Runs a generated operation against a GraphQL endpoint and returns its typed `data`. Throws
 * `GraphQLRequestError` on any error, so callers only ever see complete results.
 */
export async function execute<TResult, TVariables>(
  url: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  sendAs: SendAs = "documentId",
): Promise<TResult> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
    body: JSON.stringify(requestBody(document, variables, sendAs)),
  });
  const body = (await response.json()) as { data?: TResult | null; errors?: GraphQLFormattedError[] };
  if (body.errors?.length || !response.ok || body.data == null) throw new GraphQLRequestError(response.status, body.errors ?? []);
  return body.data;
}
