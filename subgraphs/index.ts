import { actorSubgraph } from "./actor";
import { incidentSubgraph } from "./incident";
import { bundleSchema } from "./lib/bundle-file";
import type { SubgraphName } from "./lib/config";
import type { SubgraphModule } from "./lib/subgraph-module";
import { statementSubgraph } from "./statement";

/**
 * The registry of subgraphs: the one seam through which the gateway's entry points, the schema
 * generator and the tests reach subgraph code. Nothing else outside `subgraphs/` imports a subgraph.
 */
export const SUBGRAPHS: Record<SubgraphName, SubgraphModule<never>> = {
  incident: incidentSubgraph as unknown as SubgraphModule<never>,
  actor: actorSubgraph as unknown as SubgraphModule<never>,
  statement: statementSubgraph as unknown as SubgraphModule<never>,
};

/**
 * The one schema of a dataset bundle: the envelope with each subgraph's section. Each seed validates
 * only its own section; this whole schema is what is published (`dataset/bundle.schema.json`).
 */
export const BUNDLE_SCHEMA = bundleSchema({
  incident: incidentSubgraph.bundleSection,
  actor: actorSubgraph.bundleSection,
  statement: statementSubgraph.bundleSection,
});
