import "reflect-metadata";
import { runSubgraph } from "../lib/start-subgraph";
import { statementSubgraph } from "./index";

// `npm run start:statement`: this subgraph alone, as its own process (distributed mode).
void runSubgraph(statementSubgraph);
