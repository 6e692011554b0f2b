import type { ActorDataset } from "../subgraphs/actor/seed";
import { ActorKind, AliasKind } from "../subgraphs/actor/enums";
import type { IncidentDataset } from "../subgraphs/incident/seed";
import {
  AcledEventType,
  AcledSubEventType,
  CountQualifier,
  IncidentType,
  MunitionKind,
  ParticipantRole,
  ParticipationBasis,
  PlaceKind,
  TimePrecision,
} from "../subgraphs/incident/enums";
import type { StatementDataset } from "../subgraphs/statement/seed";
import { DatePrecision, FigureMetric, FigureQualifier, FigureRank, StanceKind, StatementChannel, StatementMode } from "../subgraphs/statement/enums";

/** Synthetic data for all three subgraphs, shaped like the real dataset, for tests and benchmarks. */
export interface GeneratedData {
  incident: IncidentDataset;
  actor: ActorDataset;
  statement: StatementDataset;
}

const TYPES = [IncidentType.ROCKET, IncidentType.DRONE, IncidentType.MORTAR, IncidentType.MISSILE];
const WORDS = ["rocket", "drone", "mortar", "barrage", "base", "convoy", "embassy", "airfield", "patrol", "depot"];
/**
 * When each attack happened, one word per tenth of the incidents (incidents 10k..10k+9 share one):
 * a search word that matches exactly 10 % of the summaries, independent of the title's word, the
 * place's country (which follows the incident number's parity) and the type.
 */
export const TIMES_OF_DAY = ["dawn", "morning", "noon", "afternoon", "dusk", "evening", "night", "midnight", "sunrise", "sunset"];
const SOURCE_ID = "src-generated";
const SENTENCE = "A generated sentence stands in for an article's sentence.";

/** A deterministic pseudo-random sequence, so that every run generates the same data. */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Generates `count` incidents (ids `gen-inc-<offset + i>`) with two participants, a munition and a
 * report each, one statement and one figure per incident, and actors and places in proportion
 * (one actor per 10 incidents, at least 10; one place per 20, at least 5). `offset` lets a caller
 * generate a large set in slices.
 */
export function generateData(count: number, offset = 0, totalCount = offset + count): GeneratedData {
  const random = sequence(42 + offset);
  const actorCount = Math.max(10, Math.ceil(totalCount / 10));
  const placeCount = Math.max(5, Math.ceil(totalCount / 20));
  const evidence = { sourceId: SOURCE_ID, sentence: SENTENCE };
  const firstSlice = offset === 0;
  const data: GeneratedData = {
    incident: {
      places: [],
      placeAliases: [],
      incidents: [],
      participations: [],
      claimStatusReports: [],
      munitions: [],
      casualties: [],
      damage: [],
      reports: [],
      links: [],
    },
    actor: { actors: [], aliases: [], affiliations: [] },
    statement: {
      sources: [],
      citations: [],
      statements: [],
      quotes: [],
      stances: [],
      statementIncidents: [],
      statementActors: [],
      appearances: [],
      figures: [],
    },
  };
  if (firstSlice) {
    for (let p = 0; p < placeCount; p++) {
      data.incident.places.push({
        id: `gen-place-${p}`,
        name: `Generated base ${p}`,
        kind: PlaceKind.FACILITY,
        countryCode: p % 2 ? "SY" : "IQ",
        country: p % 2 ? "Syria" : "Iraq",
        latitude: 30 + (p % 70) / 10,
        longitude: 38 + (p % 90) / 10,
        geoPrecision: 1,
        coordinatesFromGazetteer: true,
      });
    }
    for (let a = 0; a < actorCount; a++) {
      data.actor.actors.push({
        id: `gen-act-${a}`,
        name: `Generated group ${a}`,
        kind: a % 3 ? ActorKind.ARMED_GROUP : ActorKind.GOVERNMENT_BODY,
        anonymous: false,
      });
      data.actor.aliases.push({ id: `gen-act-${a}-alias`, actorId: `gen-act-${a}`, name: `Gen group ${a}`, kind: AliasKind.SHORT_FORM, evidence });
    }
    data.statement.sources.push({
      id: SOURCE_ID,
      fileName: "generated.txt",
      title: "Generated source",
      outletStated: false,
      publishedOn: "2030-01-01",
      publishedOnStated: false,
      publishedOnReasoning: "Generated data.",
      text: SENTENCE,
    });
  }
  for (let n = offset; n < offset + count; n++) {
    const id = `gen-inc-${n}`;
    const day = new Date(Date.UTC(2030, 0, 1) + Math.floor(random() * 3650) * 86_400_000).toISOString().slice(0, 10);
    const word = WORDS[n % WORDS.length];
    const perpetrator = `gen-act-${n % actorCount}`;
    const target = `gen-act-${(n + 1) % actorCount}`;
    data.incident.incidents.push({
      id,
      title: `Generated ${word} attack ${n}`,
      summary: `A generated ${word} attack on a ${WORDS[(n + 3) % WORDS.length]} at ${TIMES_OF_DAY[Math.floor(n / 10) % TIMES_OF_DAY.length]}, number ${n}.`,
      type: TYPES[n % TYPES.length] as IncidentType,
      acledEventType: AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE,
      acledSubEventType: AcledSubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK,
      startsAt: `${day}T00:00:00.000Z`,
      endsAt: `${day}T23:59:59.999Z`,
      timePrecision: TimePrecision.DAY,
      timeApproximate: false,
      placeId: `gen-place-${n % placeCount}`,
      isAggregate: false,
    });
    data.incident.participations.push(
      {
        id: `${id}-p1`,
        incidentId: id,
        actorId: perpetrator,
        role: ParticipantRole.PERPETRATOR,
        basis: n % 2 ? ParticipationBasis.CLAIMED : ParticipationBasis.ATTRIBUTED_BY_OFFICIALS,
        evidence,
      },
      { id: `${id}-p2`, incidentId: id, actorId: target, role: ParticipantRole.TARGET, basis: ParticipationBasis.CONFIRMED, evidence },
    );
    data.incident.munitions.push({ id: `${id}-m1`, incidentId: id, kind: MunitionKind.ROCKET, count: 1 + (n % 12), qualifier: CountQualifier.ABOUT, evidence });
    data.incident.reports.push({ id: `${id}-r1`, incidentId: id, account: `Generated account of incident ${n}.`, evidence });
    const statementId = `gen-stmt-${n}`;
    data.statement.statements.push({
      id: statementId,
      speakerId: perpetrator,
      onBehalfOfId: `gen-act-${(n + 2) % actorCount}`,
      saidOn: day,
      saidOnPrecision: DatePrecision.DAY,
      channel: StatementChannel.WRITTEN_STATEMENT,
      mode: StatementMode.PARAPHRASE,
      text: `Generated statement ${n} about the ${word} attack.`,
    });
    data.statement.stances.push({ id: `${statementId}-s1`, statementId, kind: n % 2 ? StanceKind.CLAIMS_RESPONSIBILITY : StanceKind.CONDEMNS, incidentId: id });
    data.statement.statementIncidents.push({ statementId, incidentId: id });
    data.statement.statementActors.push({ statementId, actorId: target });
    data.statement.appearances.push({ id: `${statementId}-a1`, statementId, evidence });
    data.statement.figures.push({
      id: `gen-fig-${n}`,
      metric: FigureMetric.ATTACKS_ON_US_FORCES,
      value: n,
      qualifier: FigureQualifier.ABOUT,
      periodStart: "2030-01-01",
      asOf: day,
      reportedById: perpetrator,
      statementId,
      incidentId: id,
      rank: FigureRank.NORMAL,
      rawText: `about ${n} attacks`,
      evidence,
    });
  }
  return data;
}

/** Shared rows per gazetteer bundle (places, actors with their aliases, sources). */
const GAZETTEER_BUNDLE = 1000;

/**
 * Generated data as import bundles, the way an article stream arrives: the shared rows (places,
 * actors, the source) first in bundles of `GAZETTEER_BUNDLE`, then one bundle per incident with its
 * facts and the statement and figure about it. One bundle is one `.ndjson` line.
 */
export function* generatedBundles(data: GeneratedData): Iterable<Record<string, unknown>> {
  const { incident, actor, statement } = data;
  for (let start = 0; start < Math.max(incident.places.length, actor.actors.length, statement.sources.length); start += GAZETTEER_BUNDLE) {
    const slice = <T>(rows: T[]) => rows.slice(start, start + GAZETTEER_BUNDLE);
    const bundle: Record<string, Record<string, unknown[]>> = {};
    if (slice(incident.places).length) bundle.incident = { places: slice(incident.places) };
    if (slice(actor.actors).length) bundle.actor = { actors: slice(actor.actors), aliases: slice(actor.aliases) };
    if (slice(statement.sources).length) bundle.statement = { sources: slice(statement.sources) };
    yield bundle;
  }
  const byIncident = <T extends { incidentId?: string | null }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) if (row.incidentId) map.set(row.incidentId, [...(map.get(row.incidentId) ?? []), row]);
    return map;
  };
  const participations = byIncident(incident.participations);
  const munitions = byIncident(incident.munitions);
  const reports = byIncident(incident.reports);
  const figures = byIncident(statement.figures);
  const stances = byIncident(statement.stances);
  for (let i = 0; i < incident.incidents.length; i++) {
    const row = incident.incidents[i];
    const said = statement.statements[i];
    const about = (rows: { statementId: string }[]) => rows.filter((r) => r.statementId === said.id);
    yield {
      incident: {
        incidents: [row],
        participations: participations.get(row.id) ?? [],
        munitions: munitions.get(row.id) ?? [],
        reports: reports.get(row.id) ?? [],
      },
      statement: {
        statements: [said],
        stances: stances.get(row.id) ?? [],
        statementIncidents: about(statement.statementIncidents.slice(i, i + 1)),
        statementActors: about(statement.statementActors.slice(i, i + 1)),
        appearances: about(statement.appearances.slice(i, i + 1)),
        figures: figures.get(row.id) ?? [],
      },
    };
  }
}
