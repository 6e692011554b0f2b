import { GraphQLError } from "graphql";

/**
 * A client error in an argument: code BAD_USER_INPUT, the argument's name in `extensions.argument`,
 * and a message that says what was wrong and how to fix it. Answered with HTTP 400.
 */
export function badUserInput(argument: string, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", argument, ...extra } });
}
