import { Entity, Index, PrimaryColumn } from "typeorm";
import type { NameTables } from "../lib/name-match";

/** Where places keep their names (for `lookupName` and the import's name keys). */
export const PLACE_NAMES: NameTables = { table: "place", aliasTable: "place_alias", keyTable: "place_name_key", owner: "placeId" };

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
