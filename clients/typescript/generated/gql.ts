/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query ActorClaims($name: String!, $first: Int = 3) {\n  resolveActor(name: $name, first: 1) {\n    matchedName\n    actor {\n      id\n      name\n      kind\n      incidents(basis: CLAIMED, first: $first) {\n        totalCount\n        edges {\n          node {\n            title\n            startsAt\n          }\n        }\n      }\n    }\n  }\n}": typeof types.ActorClaimsDocument,
    "query IncidentsInCountries($countryCodes: [String!]!, $from: DateTime, $to: DateTime, $first: Int = 5, $after: String) {\n  incidents(\n    filter: {countryCodes: $countryCodes, from: $from, to: $to}\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...IncidentSummary\n      }\n    }\n  }\n}\n\nfragment IncidentSummary on Incident {\n  id\n  title\n  startsAt\n  timePrecision\n  place {\n    name\n    country\n  }\n}": typeof types.IncidentsInCountriesDocument,
    "query StatementsOnBehalfOf($actorId: ID!, $from: Date, $to: Date, $first: Int = 10) {\n  statements(\n    filter: {onBehalfOfIds: [$actorId], from: $from, to: $to}\n    first: $first\n  ) {\n    totalCount\n    edges {\n      node {\n        saidOn\n        mode\n        speaker {\n          name\n        }\n        stances {\n          kind\n        }\n      }\n    }\n  }\n}": typeof types.StatementsOnBehalfOfDocument,
    "query EmbassyAttack {\n  incident(id: \"inc-2023-12-08-baghdad-embassy\") {\n    title\n    startsAt\n    timePrecision\n    place {\n      name\n      country\n    }\n    participants {\n      role\n      basis\n      actor {\n        name\n      }\n      evidence {\n        sentence\n        source {\n          fileName\n        }\n      }\n    }\n    statements {\n      saidOn\n      text\n      stances {\n        kind\n      }\n      speaker {\n        name\n        affiliations {\n          role\n          organization {\n            name\n          }\n        }\n      }\n      onBehalfOf {\n        name\n      }\n      appearances {\n        evidence {\n          source {\n            fileName\n          }\n        }\n      }\n    }\n  }\n}": typeof types.EmbassyAttackDocument,
};
const documents: Documents = {
    "query ActorClaims($name: String!, $first: Int = 3) {\n  resolveActor(name: $name, first: 1) {\n    matchedName\n    actor {\n      id\n      name\n      kind\n      incidents(basis: CLAIMED, first: $first) {\n        totalCount\n        edges {\n          node {\n            title\n            startsAt\n          }\n        }\n      }\n    }\n  }\n}": types.ActorClaimsDocument,
    "query IncidentsInCountries($countryCodes: [String!]!, $from: DateTime, $to: DateTime, $first: Int = 5, $after: String) {\n  incidents(\n    filter: {countryCodes: $countryCodes, from: $from, to: $to}\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...IncidentSummary\n      }\n    }\n  }\n}\n\nfragment IncidentSummary on Incident {\n  id\n  title\n  startsAt\n  timePrecision\n  place {\n    name\n    country\n  }\n}": types.IncidentsInCountriesDocument,
    "query StatementsOnBehalfOf($actorId: ID!, $from: Date, $to: Date, $first: Int = 10) {\n  statements(\n    filter: {onBehalfOfIds: [$actorId], from: $from, to: $to}\n    first: $first\n  ) {\n    totalCount\n    edges {\n      node {\n        saidOn\n        mode\n        speaker {\n          name\n        }\n        stances {\n          kind\n        }\n      }\n    }\n  }\n}": types.StatementsOnBehalfOfDocument,
    "query EmbassyAttack {\n  incident(id: \"inc-2023-12-08-baghdad-embassy\") {\n    title\n    startsAt\n    timePrecision\n    place {\n      name\n      country\n    }\n    participants {\n      role\n      basis\n      actor {\n        name\n      }\n      evidence {\n        sentence\n        source {\n          fileName\n        }\n      }\n    }\n    statements {\n      saidOn\n      text\n      stances {\n        kind\n      }\n      speaker {\n        name\n        affiliations {\n          role\n          organization {\n            name\n          }\n        }\n      }\n      onBehalfOf {\n        name\n      }\n      appearances {\n        evidence {\n          source {\n            fileName\n          }\n        }\n      }\n    }\n  }\n}": types.EmbassyAttackDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ActorClaims($name: String!, $first: Int = 3) {\n  resolveActor(name: $name, first: 1) {\n    matchedName\n    actor {\n      id\n      name\n      kind\n      incidents(basis: CLAIMED, first: $first) {\n        totalCount\n        edges {\n          node {\n            title\n            startsAt\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query ActorClaims($name: String!, $first: Int = 3) {\n  resolveActor(name: $name, first: 1) {\n    matchedName\n    actor {\n      id\n      name\n      kind\n      incidents(basis: CLAIMED, first: $first) {\n        totalCount\n        edges {\n          node {\n            title\n            startsAt\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IncidentsInCountries($countryCodes: [String!]!, $from: DateTime, $to: DateTime, $first: Int = 5, $after: String) {\n  incidents(\n    filter: {countryCodes: $countryCodes, from: $from, to: $to}\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...IncidentSummary\n      }\n    }\n  }\n}\n\nfragment IncidentSummary on Incident {\n  id\n  title\n  startsAt\n  timePrecision\n  place {\n    name\n    country\n  }\n}"): (typeof documents)["query IncidentsInCountries($countryCodes: [String!]!, $from: DateTime, $to: DateTime, $first: Int = 5, $after: String) {\n  incidents(\n    filter: {countryCodes: $countryCodes, from: $from, to: $to}\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...IncidentSummary\n      }\n    }\n  }\n}\n\nfragment IncidentSummary on Incident {\n  id\n  title\n  startsAt\n  timePrecision\n  place {\n    name\n    country\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatementsOnBehalfOf($actorId: ID!, $from: Date, $to: Date, $first: Int = 10) {\n  statements(\n    filter: {onBehalfOfIds: [$actorId], from: $from, to: $to}\n    first: $first\n  ) {\n    totalCount\n    edges {\n      node {\n        saidOn\n        mode\n        speaker {\n          name\n        }\n        stances {\n          kind\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query StatementsOnBehalfOf($actorId: ID!, $from: Date, $to: Date, $first: Int = 10) {\n  statements(\n    filter: {onBehalfOfIds: [$actorId], from: $from, to: $to}\n    first: $first\n  ) {\n    totalCount\n    edges {\n      node {\n        saidOn\n        mode\n        speaker {\n          name\n        }\n        stances {\n          kind\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EmbassyAttack {\n  incident(id: \"inc-2023-12-08-baghdad-embassy\") {\n    title\n    startsAt\n    timePrecision\n    place {\n      name\n      country\n    }\n    participants {\n      role\n      basis\n      actor {\n        name\n      }\n      evidence {\n        sentence\n        source {\n          fileName\n        }\n      }\n    }\n    statements {\n      saidOn\n      text\n      stances {\n        kind\n      }\n      speaker {\n        name\n        affiliations {\n          role\n          organization {\n            name\n          }\n        }\n      }\n      onBehalfOf {\n        name\n      }\n      appearances {\n        evidence {\n          source {\n            fileName\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query EmbassyAttack {\n  incident(id: \"inc-2023-12-08-baghdad-embassy\") {\n    title\n    startsAt\n    timePrecision\n    place {\n      name\n      country\n    }\n    participants {\n      role\n      basis\n      actor {\n        name\n      }\n      evidence {\n        sentence\n        source {\n          fileName\n        }\n      }\n    }\n    statements {\n      saidOn\n      text\n      stances {\n        kind\n      }\n      speaker {\n        name\n        affiliations {\n          role\n          organization {\n            name\n          }\n        }\n      }\n      onBehalfOf {\n        name\n      }\n      appearances {\n        evidence {\n          source {\n            fileName\n          }\n        }\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;