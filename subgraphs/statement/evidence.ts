import { defineEvidence } from "../lib/evidence";
import { Source } from "./source";

/** This subgraph's `Evidence` type; `source` is resolved here, through the source loader. */
export const Evidence = defineEvidence(Source, { resolveSourceHere: true });
export type Evidence = InstanceType<typeof Evidence>;
