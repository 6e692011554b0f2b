import { GraphQLError } from "graphql";

/**
 * A client error in an argument: code BAD_USER_INPUT, the argument's name in `extensions.argument`,
 * and a message that says what was wrong and how to fix it. Answered with HTTP 400.
 */
export function badUserInput(argument: string, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", argument, ...extra } });
}

/** Rejects a text argument longer than `max` characters (a name or a search, not a document). */
export function checkLength(argument: string, value: string, max: number): string {
  if (value.length > max) throw badUserInput(argument, `\`${argument}\` is ${value.length} characters long; at most ${max} are accepted.`, { max });
  return value;
}

/** Longest accepted name in a lookup. */
export const MAX_NAME_LENGTH = 200;
/** Longest accepted full-text search. */
export const MAX_SEARCH_LENGTH = 500;
