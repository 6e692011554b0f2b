import { DEFAULT_PAGE_SIZE } from "./connection";

// Demand-control directives (https://specs.apollo.dev/cost/v0.1, IBM's GraphQL Cost Directives
// spec) as type-graphql `@Directive` strings, so that every subgraph declares list sizes the same
// way and the operation limits read them back from the schema (`cost-directives.ts`).

/**
 * A Relay connection field: `first` or `last` sizes its `edges`; without either, the default page.
 * `requireOneSlicingArgument: false` because both are optional here (the spec's default is true).
 */
export const PAGED = `@listSize(assumedSize: ${DEFAULT_PAGE_SIZE}, slicingArguments: ["first", "last"], sizedFields: ["edges"], requireOneSlicingArgument: false)`;

/** A list field whose `first` argument (with its schema default when left out) is its length. */
export const SIZED_BY_FIRST = '@listSize(slicingArguments: ["first"], requireOneSlicingArgument: false)';

/** An unpaged list field of at most about `items` items (each use names the measured maximum it is based on). */
export function assumedSize(items: number): string {
  return `@listSize(assumedSize: ${items})`;
}

/** A field that costs `weight` times an ordinary field (a search, a fuzzy match, an aggregate). */
export function cost(weight: number): string {
  return `@cost(weight: ${weight})`;
}
