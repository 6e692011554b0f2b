import "reflect-metadata";
import { runSubgraph } from "../lib/start-subgraph";
import { actorSubgraph } from "./index";

// `npm run start:actor`: this subgraph alone, as its own process (distributed mode).
void runSubgraph(actorSubgraph);
