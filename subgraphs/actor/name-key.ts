import { Entity, Index, PrimaryColumn } from "typeorm";
import type { NameTables } from "../lib/name-match";

/** Where actors keep their names (for `lookupName` and the import's name keys). */
export const ACTOR_NAMES: NameTables = { table: "actor", aliasTable: "actor_alias", keyTable: "actor_name_key", owner: "actorId", aliasesRetract: true };

/** Lookup keys of every actor name and alias (see `nameKeys`), for misspelling-tolerant search. */
@Entity("actor_name_key")
@Index(["key", "actorId"])
export class ActorNameKey {
  @PrimaryColumn("varchar", { length: 64 })
  actorId: string;

  @PrimaryColumn("varchar", { length: 200 })
  name: string;

  @PrimaryColumn("varchar", { length: 64 })
  key: string;
}
