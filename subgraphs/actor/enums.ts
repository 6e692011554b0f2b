import { registerEnumType } from "type-graphql";

/** What kind of actor. */
export enum ActorKind {
  STATE = "STATE",
  GOVERNMENT_BODY = "GOVERNMENT_BODY",
  PERSON = "PERSON",
  ARMED_GROUP = "ARMED_GROUP",
  ARMED_ALLIANCE = "ARMED_ALLIANCE",
  MILITARY_UNIT = "MILITARY_UNIT",
  COALITION = "COALITION",
  MEDIA_OUTLET = "MEDIA_OUTLET",
}

/** How an alias relates to the canonical name. */
export enum AliasKind {
  TRANSLITERATION = "TRANSLITERATION",
  MISSPELLING = "MISSPELLING",
  SHORT_FORM = "SHORT_FORM",
  TRANSLATION = "TRANSLATION",
  METONYM = "METONYM",
  TITLE_AND_NAME = "TITLE_AND_NAME",
  DESCRIPTION = "DESCRIPTION",
}

/** How one actor relates to another. */
export enum AffiliationRole {
  HEAD_OF = "HEAD_OF",
  SPOKESPERSON_OF = "SPOKESPERSON_OF",
  DEPUTY_SPOKESPERSON_OF = "DEPUTY_SPOKESPERSON_OF",
  OFFICIAL_OF = "OFFICIAL_OF",
  COMMANDER_OF = "COMMANDER_OF",
  MEMBER_OF = "MEMBER_OF",
  COMPONENT_OF = "COMPONENT_OF",
  BACKED_BY = "BACKED_BY",
}

registerEnumType(ActorKind, { name: "ActorKind", description: "What kind of actor." });
registerEnumType(AliasKind, {
  name: "AliasKind",
  description:
    'How an alias relates to the canonical name: a transliteration, a misspelling, a short form, a translation, a metonym ("the Pentagon", "Washington"), a title with the name, or a description.',
});
registerEnumType(AffiliationRole, { name: "AffiliationRole", description: "How an actor relates to another: `A SPOKESPERSON_OF B` means A speaks for B." });
