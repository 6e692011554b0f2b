import { defineEvidence } from "../lib/evidence";
import { Source } from "./refs";

/** This subgraph's `Evidence` type, pointing at the statement subgraph's `Source`. */
export const Evidence = defineEvidence(Source);
export type Evidence = InstanceType<typeof Evidence>;
