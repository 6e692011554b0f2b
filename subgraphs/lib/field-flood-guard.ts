import type { RequestHandler } from "express";
import { type DocumentNode, parse, visit } from "graphql";
import { errorBody, REQUEST_ID_HEADER } from "./http";
import { limitError, type OperationLimits } from "./operation-limits";

/** Most long documents remembered as within the limit (the planner's texts are few; clients' vary). */
const ACCEPTED_DOCUMENTS = 500;
/** Longest document remembered, so the memory stays bounded (500 × 64 KB) whatever clients send. */
const ACCEPTED_LENGTH = 64 * 1024;

/**
 * Rejects a document with more than `maxFields` field selections before Apollo Server validates it (on
 * the gateway, and on every subgraph with the subgraph's own limits):
 * graphql-js's OverlappingFieldsCanBeMerged is quadratic in duplicated fields (600 copies of one
 * field with arguments take ~230 ms to validate, well within the token limit). The document is parsed
 * here only when it is long enough to hold that many fields, so ordinary queries pay nothing; and a
 * long document found within the limit is remembered (the query planner sends the same few texts to a
 * subgraph again and again), so it is parsed here once, not on every request.
 */
export function fieldFloodGuard(limits: OperationLimits): RequestHandler {
  const accepted = new Set<string>();
  return (request, response, next) => {
    // A POST carries the document in its body; a GET in its URL (`?query=`).
    const query = (request.body as { query?: unknown } | undefined)?.query ?? (request.method === "GET" ? request.query.query : undefined);
    // A field takes at least two characters ("a "), so a shorter document cannot exceed the limit.
    if (typeof query !== "string" || query.length < 2 * limits.maxFields || accepted.has(query)) return next();
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
    if (fields <= limits.maxFields) {
      if (query.length <= ACCEPTED_LENGTH) {
        if (accepted.size >= ACCEPTED_DOCUMENTS) accepted.clear();
        accepted.add(query);
      }
      return next();
    }
    const error = limitError("MAX_FIELDS_EXCEEDED", "maxFields", limits.maxFields, fields, "The number of fields in the document");
    response
      .status(400)
      .json(errorBody(error.message, "MAX_FIELDS_EXCEEDED", { ...error.extensions, http: undefined, requestId: request.headers[REQUEST_ID_HEADER] }));
  };
}
