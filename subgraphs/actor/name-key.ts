import { Entity, Index, PrimaryColumn } from "typeorm";

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
