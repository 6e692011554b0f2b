import { AcledEventType, AcledSubEventType, TimePrecision } from "../incident/enums";
import { type AcledColumn, acledTypes, INTER_CODE_HINT, type InterCategory, interCategory } from "./acled-vocabulary";
import isoNumeric from "./iso-3166-numeric.json";

// One row of an ACLED export, checked column by column into typed values. Every problem names its
// column, so a person fixes the cell the message points at; a row with any problem maps to nothing.

/** One actor cell of a row: `actor1`, `actor2`, or one name of an `assoc_actor_*` list. */
export interface AcledActorCell {
  column: "actor1" | "assoc_actor_1" | "actor2" | "assoc_actor_2";
  /** Position in the row (`a1`, `aa1-1`...), the stable part of the participation's id. */
  slot: string;
  /** 1 for actor1's side, 2 for actor2's. */
  side: 1 | 2;
  name: string;
  /** The side's category (`inter1`/`inter2`); associated actors share their side's. */
  inter: InterCategory | undefined;
}

/** A checked ACLED row. */
export interface AcledEvent {
  eventId: string;
  eventType: AcledEventType;
  subEventType: AcledSubEventType;
  eventLabel: string;
  subEventLabel: string;
  /** The event date as ACLED writes it, normalised to `YYYY-MM-DD`. */
  date: string;
  startsAt: string;
  endsAt: string;
  timePrecision: TimePrecision;
  timeApproximate: boolean;
  timeResolution: string;
  actors: AcledActorCell[];
  countryCode: string | null;
  country: string;
  admin1: string | null;
  admin2: string | null;
  admin3: string | null;
  location: string;
  latitude: number;
  longitude: number;
  geoPrecision: number;
  source: string;
  sourceScale: string | null;
  notes: string;
  fatalities: number;
  /** ACLED's upload time of the record, as a date; null when the export has no timestamp. */
  uploadedOn: string | null;
  timestamp: number | null;
  civilianTargeting: boolean;
}

/** A problem in one cell (or the row, without `column`). */
export interface CellProblem {
  column?: AcledColumn;
  message: string;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** A calendar date from ACLED's two spellings, `2023-12-08` (API) and `08 December 2023` (export tool). */
export function parseAcledDate(text: string): Date | null {
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const written = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/.exec(text);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (written) {
    const name = written[2].toLowerCase();
    const index = MONTHS.findIndex((candidate) => candidate === name || (name.length === 3 && candidate.startsWith(name)));
    if (index < 0) return null;
    [year, month, day] = [Number(written[3]), index + 1, Number(written[1])];
  } else {
    return null;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 November over into December: a date that does not round-trip does not exist.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

const DAY_MS = 86_400_000;
const day = (date: Date): string => date.toISOString().slice(0, 10);
const endOfDay = (date: Date): string => new Date(date.getTime() + DAY_MS - 1).toISOString();
const spoken = (date: Date): string => `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()].replace(/^./, (c) => c.toUpperCase())} ${date.getUTCFullYear()}`;

/** The time span an ACLED date and `time_precision` (1 day, 2 week, 3 month) stand for. */
function timeSpan(date: Date, precision: number): Pick<AcledEvent, "startsAt" | "endsAt" | "timePrecision" | "timeApproximate" | "timeResolution"> {
  if (precision === 1) {
    return {
      startsAt: date.toISOString(),
      endsAt: endOfDay(date),
      timePrecision: TimePrecision.DAY,
      timeApproximate: false,
      timeResolution: `ACLED event_date ${day(date)} with time_precision 1: the sources give the day.`,
    };
  }
  if (precision === 2) {
    // ACLED codes an event known only to the week on a day of that week; the span is the seven days around it.
    const start = new Date(date.getTime() - 3 * DAY_MS);
    return {
      startsAt: start.toISOString(),
      endsAt: endOfDay(new Date(date.getTime() + 3 * DAY_MS)),
      timePrecision: TimePrecision.WEEK,
      timeApproximate: true,
      timeResolution: `ACLED event_date ${day(date)} with time_precision 2: the sources give only the week; read as the seven days around that date.`,
    };
  }
  const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
  return {
    startsAt: first.toISOString(),
    endsAt: endOfDay(last),
    timePrecision: TimePrecision.MONTH,
    timeApproximate: true,
    timeResolution: `ACLED event_date ${day(date)} with time_precision 3: the sources give only the month; read as the whole month.`,
  };
}

/** A number cell: the number, or a message saying what is wrong. */
function numberCell(text: string, what: string, range: { min: number; max?: number; integer?: boolean }): number | string {
  if (text === "") return `${what} is empty`;
  const value = Number(text);
  if (!Number.isFinite(value)) return `${what} "${text}" is not a number`;
  if (range.integer && !Number.isInteger(value)) return `${what} "${text}" is not a whole number`;
  if (value < range.min || (range.max !== undefined && value > range.max)) {
    return `${what} ${text} is out of range (${range.min} to ${range.max ?? "any"})`;
  }
  return value;
}

/** `assoc_actor_*` cells hold several names separated by semicolons. */
const names = (cell: string): string[] =>
  cell
    .split(";")
    .map((name) => name.trim())
    .filter((name) => name !== "");

const ISO_NUMERIC: Record<string, string> = isoNumeric;

/**
 * Checks one ACLED row (cells by column name, already trimmed; absent optional columns are "") and
 * returns the typed event, or every problem found in it.
 */
export function parseAcledRow(cells: Record<AcledColumn, string>): { event: AcledEvent } | { problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const problem = (column: AcledColumn, message: string): void => void problems.push({ column, message });

  const eventId = cells.event_id_cnty;
  if (eventId === "") problem("event_id_cnty", "event_id_cnty is empty; every ACLED event has one (e.g. IRQ61234), and the import keys on it");
  else if (!/^[A-Za-z0-9_-]{1,40}$/.test(eventId))
    problem("event_id_cnty", `event_id_cnty "${eventId}" is not an ACLED event id (letters and digits, e.g. IRQ61234)`);

  const date = parseAcledDate(cells.event_date);
  if (!date) problem("event_date", `event_date "${cells.event_date}" is not a date; write 2023-12-08 or 08 December 2023`);
  else if (cells.year !== "" && cells.year !== String(date.getUTCFullYear())) {
    problem("year", `year ${cells.year} does not match event_date ${cells.event_date}`);
  }

  const precision = numberCell(cells.time_precision, "time_precision", { min: 1, max: 3, integer: true });
  if (typeof precision === "string") problem("time_precision", `${precision}; ACLED uses 1 (day), 2 (week) or 3 (month)`);

  const types = acledTypes(cells.event_type, cells.sub_event_type);
  if ("problem" in types) problem(types.problem.startsWith("sub_event_type") ? "sub_event_type" : "event_type", types.problem);

  const inter = (column: "inter1" | "inter2"): InterCategory | undefined => {
    if (cells[column] === "") return undefined;
    const category = interCategory(cells[column]);
    if (!category) problem(column, `${column} "${cells[column]}" is not an ACLED actor category; use ${INTER_CODE_HINT}`);
    return category;
  };
  const inter1 = inter("inter1");
  const inter2 = inter("inter2");
  if (cells.actor1 === "") problem("actor1", "actor1 is empty; ACLED names at least one actor per event");
  if (cells.actor2 === "" && cells.assoc_actor_2 !== "") problem("assoc_actor_2", "assoc_actor_2 is filled but actor2 is empty");
  const actors: AcledActorCell[] = [];
  const side = (n: 1 | 2, main: string, assoc: string, category: InterCategory | undefined): void => {
    if (main !== "") actors.push({ column: n === 1 ? "actor1" : "actor2", slot: `a${n}`, side: n, name: main, inter: category });
    names(assoc).forEach((name, i) =>
      actors.push({ column: n === 1 ? "assoc_actor_1" : "assoc_actor_2", slot: `aa${n}-${i + 1}`, side: n, name, inter: category }),
    );
  };
  side(1, cells.actor1, cells.assoc_actor_1, inter1);
  side(2, cells.actor2, cells.assoc_actor_2, inter2);

  let countryCode: string | null = null;
  if (cells.iso !== "") {
    countryCode = /^[A-Za-z]{2}$/.test(cells.iso) ? cells.iso.toUpperCase() : (ISO_NUMERIC[String(Number(cells.iso))] ?? null);
    if (!countryCode) problem("iso", `iso "${cells.iso}" is not an ISO 3166-1 numeric country code (Iraq is 368, Syria 760)`);
  }
  if (cells.country === "") problem("country", "country is empty");
  if (cells.location === "") problem("location", "location is empty; ACLED names the nearest town or site of every event");

  const latitude = numberCell(cells.latitude, "latitude", { min: -90, max: 90 });
  const longitude = numberCell(cells.longitude, "longitude", { min: -180, max: 180 });
  if (typeof latitude === "string") problem("latitude", `${latitude}; write decimal degrees, e.g. 33.7856`);
  if (typeof longitude === "string") problem("longitude", `${longitude}; write decimal degrees, e.g. 42.4412`);
  if (latitude === 0 && longitude === 0) problem("latitude", "latitude and longitude are both 0, a point in the Atlantic; the row has lost its coordinates");
  const geoPrecision = numberCell(cells.geo_precision, "geo_precision", { min: 1, max: 3, integer: true });
  if (typeof geoPrecision === "string") problem("geo_precision", `${geoPrecision}; ACLED uses 1 (the place itself), 2 (near it) or 3 (the region)`);

  const fatalities = numberCell(cells.fatalities, "fatalities", { min: 0, integer: true });
  if (typeof fatalities === "string") problem("fatalities", `${fatalities}; write the number of deaths, 0 when none were reported`);

  const notes = cells.notes;
  if (notes === "") problem("notes", "notes is empty; the notes are the evidence sentence of every fact of the row, so a row without them cannot be imported");
  if (cells.source === "") problem("source", "source is empty; ACLED names the sources of every event");

  let timestamp: number | null = null;
  if (cells.timestamp !== "") {
    const value = numberCell(cells.timestamp, "timestamp", { min: 0, integer: true });
    if (typeof value === "string") problem("timestamp", `${value}; ACLED's timestamp is the upload time in Unix seconds, e.g. 1702320154`);
    else timestamp = value;
  }

  if (problems.length || !date || "problem" in types || typeof precision === "string") return { problems };
  if (typeof latitude === "string" || typeof longitude === "string" || typeof geoPrecision === "string" || typeof fatalities === "string") return { problems };
  return {
    event: {
      eventId,
      ...types,
      eventLabel: cells.event_type,
      subEventLabel: cells.sub_event_type,
      date: day(date),
      ...timeSpan(date, precision),
      actors,
      countryCode,
      country: cells.country,
      admin1: cells.admin1 || null,
      admin2: cells.admin2 || null,
      admin3: cells.admin3 || null,
      location: cells.location,
      latitude,
      longitude,
      geoPrecision,
      source: cells.source,
      sourceScale: cells.source_scale || null,
      notes,
      fatalities,
      uploadedOn: timestamp === null ? null : new Date(timestamp * 1000).toISOString().slice(0, 10),
      timestamp,
      civilianTargeting: cells.civilian_targeting !== "",
    },
  };
}

/** A date as ACLED's notes write it ("8 December 2023"), for titles. */
export function spokenDate(isoDay: string): string {
  return spoken(new Date(`${isoDay}T00:00:00.000Z`));
}
