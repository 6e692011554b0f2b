import { Entity, Index, PrimaryColumn } from "typeorm";

/** Lookup keys of every place name and alias (see `nameKeys`), for misspelling-tolerant search. */
@Entity("place_name_key")
@Index(["key", "placeId"])
export class PlaceNameKey {
  @PrimaryColumn("varchar", { length: 64 })
  placeId: string;

  @PrimaryColumn("varchar", { length: 200 })
  name: string;

  @PrimaryColumn("varchar", { length: 64 })
  key: string;
}
