import "reflect-metadata";
import { runSubgraph } from "../lib/start-subgraph";
import { incidentSubgraph } from "./index";

// `npm run start:incident`: this subgraph alone, as its own process (distributed mode).
void runSubgraph(incidentSubgraph);
