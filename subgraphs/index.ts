import { actorSubgraph } from "./actor";
import { incidentSubgraph } from "./incident";
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
