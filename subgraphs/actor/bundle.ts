import { z } from "zod/v4";
import { readDataset, rowId } from "../lib/bundle-file";
import { evidenceInputSchema } from "../lib/evidence";
import { ActorKind, AffiliationRole, AliasKind } from "./enums";
import type { ActorDataset } from "./seed";

// The `actor` section of a dataset bundle: the rows this subgraph imports, table by table, as the
// importer takes them. Typed against the entities (`ActorDataset`).

type Row<K extends keyof ActorDataset> = ActorDataset[K][number];

const actor: z.ZodType<Row<"actors">> = z.strictObject({
  id: rowId,
  name: z.string().min(1).describe('Canonical name; for an anonymous actor, the article\'s description ("a Pentagon official").'),
  kind: z.enum(ActorKind),
  anonymous: z.boolean().describe("True for an unnamed source; no name is invented for it."),
  description: z.string().nullish(),
  countryCode: z.string().length(2).nullish().describe("ISO 3166-1 alpha-2."),
});

const alias: z.ZodType<Row<"aliases">> = z.strictObject({
  id: rowId,
  actorId: rowId,
  name: z.string().min(1).describe("The name exactly as the article writes it."),
  kind: z.enum(AliasKind),
  evidence: evidenceInputSchema.nullish(),
});

const affiliation: z.ZodType<Row<"affiliations">> = z.strictObject({
  id: rowId,
  actorId: rowId,
  organizationId: rowId,
  role: z.enum(AffiliationRole).describe("What `actorId` is of `organizationId`."),
  title: z.string().nullish().describe('The title as written ("State Department spokesman").'),
  since: z.iso.date().nullish(),
  until: z.iso.date().nullish(),
  evidence: evidenceInputSchema.nullish().describe("The sentence that states it; absent only for reference knowledge no article states."),
});

/** The tables of the actor section, in import order. */
const TABLES = ["actors", "aliases", "affiliations"] as const;

/** The `actor` section of a bundle: every table optional. */
export const actorSection: z.ZodType<Partial<ActorDataset>> = z
  .strictObject({
    actors: z.array(actor).optional().describe("States, bodies, people, armed groups, outlets; named or anonymous."),
    aliases: z.array(alias).optional().describe("Other spellings and names of actors, as the articles write them."),
    affiliations: z.array(affiliation).optional().describe("Who is head, spokesperson, official, commander, member or component of what, or backed by whom."),
  })
  .describe("Owned by the actor subgraph.");

/** The actor subgraph's part of every bundle under `dir`, validated and concatenated in import order. */
export function readActorDataset(dir: string): ActorDataset {
  return readDataset(dir, "actor", actorSection, TABLES);
}
