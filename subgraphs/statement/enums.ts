import { registerEnumType } from "type-graphql";

/** How a statement was made. */
export enum StatementChannel {
  CALL = "CALL",
  PRESS_RELEASE = "PRESS_RELEASE",
  PRESS_BRIEFING = "PRESS_BRIEFING",
  INTERVIEW = "INTERVIEW",
  WRITTEN_STATEMENT = "WRITTEN_STATEMENT",
  ANONYMOUS_BRIEFING = "ANONYMOUS_BRIEFING",
  UNSPECIFIED = "UNSPECIFIED",
}

/** How faithfully the sources render a statement. */
export enum StatementMode {
  VERBATIM = "VERBATIM",
  PARTIAL_QUOTE = "PARTIAL_QUOTE",
  PARAPHRASE = "PARAPHRASE",
}

/** What a statement does. */
export enum StanceKind {
  CONDEMNS = "CONDEMNS",
  CLAIMS_RESPONSIBILITY = "CLAIMS_RESPONSIBILITY",
  DECLINES_TO_CLAIM = "DECLINES_TO_CLAIM",
  DENIES = "DENIES",
  THREATENS = "THREATENS",
  PLEDGES = "PLEDGES",
  ACCUSES = "ACCUSES",
  DEMANDS = "DEMANDS",
  CRITICIZES = "CRITICIZES",
  ASSERTS_RIGHT = "ASSERTS_RIGHT",
  WARNS = "WARNS",
  JUSTIFIES = "JUSTIFIES",
  REPORTS = "REPORTS",
}

/** How precisely a date is known. */
export enum DatePrecision {
  DAY = "DAY",
  WEEK = "WEEK",
  MONTH = "MONTH",
}

/** What a reported figure counts. */
export enum FigureMetric {
  ATTACKS_ON_US_FORCES = "ATTACKS_ON_US_FORCES",
  US_PERSONNEL_INJURED = "US_PERSONNEL_INJURED",
  US_TROOPS_DEPLOYED = "US_TROOPS_DEPLOYED",
}

/** How a figure was stated. */
export enum FigureQualifier {
  EXACT = "EXACT",
  ABOUT = "ABOUT",
  AT_LEAST = "AT_LEAST",
  NEARLY = "NEARLY",
  VAGUE = "VAGUE",
}

/** Wikidata-style rank: which figure to prefer when sources disagree. */
export enum FigureRank {
  PREFERRED = "PREFERRED",
  NORMAL = "NORMAL",
  DEPRECATED = "DEPRECATED",
}

/** How a source mentions another outlet or agency. */
export enum CitationKind {
  AGENCY = "AGENCY",
  REPORTED_BY = "REPORTED_BY",
  PHOTO_CREDIT = "PHOTO_CREDIT",
}

/** The part an actor plays in a statement, for `Actor.statements(as:)`. */
export enum StatementRole {
  SPEAKER = "SPEAKER",
  ON_BEHALF_OF = "ON_BEHALF_OF",
  ABOUT = "ABOUT",
}

const enums: [object, string, string][] = [
  [StatementChannel, "StatementChannel", "How a statement was made: a call, a press release, a briefing, an interview..."],
  [StatementMode, "StatementMode", "How the sources render a statement: verbatim, in part quoted, or paraphrased."],
  [
    StanceKind,
    "StanceKind",
    "What a statement does: condemns, claims responsibility, declines to claim, denies, threatens, pledges, accuses, demands, criticizes, asserts a right, warns, justifies, reports.",
  ],
  [DatePrecision, "DatePrecision", "How precisely a date is known."],
  [FigureMetric, "FigureMetric", "What a reported figure counts."],
  [FigureQualifier, "FigureQualifier", 'How a figure was stated: exactly, about, at least, nearly, or only vaguely ("dozens").'],
  [FigureRank, "FigureRank", "Which figure to prefer: PREFERRED, NORMAL, or DEPRECATED (kept, but known to be wrong or garbled; see `rankReason`)."],
  [CitationKind, "CitationKind", "How a source mentions another outlet: as its agency, as the outlet that reported something, or for a photo."],
  [StatementRole, "StatementRole", "The part an actor plays in a statement: its speaker, the body it was made on behalf of, or its subject."],
];
for (const [enumObject, name, description] of enums) registerEnumType(enumObject, { name, description });
