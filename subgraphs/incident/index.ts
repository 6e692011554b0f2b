import type { SubgraphModule } from "../lib/subgraph-module";
import { incidentDataset } from "./dataset";
import { FacetResolver } from "./facets";
import { CasualtyReport, ClaimStatusReport, DamageReport, IncidentLink, IncidentReport, MunitionReport, Participation } from "./facts";
import { Incident } from "./incident";
import { ActorIncidentsResolver, IncidentLinkResolver, IncidentResolver, ParticipationResolver } from "./incident.resolver";
import { createIncidentLoaders, type IncidentLoaders } from "./loaders";
import { Place, PlaceAlias } from "./place";
import { PlaceResolver } from "./place.resolver";
import { PlaceNameKey } from "./name-key";
import { incidentReferences } from "./reference";
import { incidentSearch } from "./search";
import { importIncidents } from "./seed";

/** The incident subgraph: incidents, places, and who took part in what (`Actor.incidents`). */
export const incidentSubgraph: SubgraphModule<IncidentLoaders> = {
  name: "incident",
  entities: [
    Incident,
    Place,
    PlaceAlias,
    PlaceNameKey,
    Participation,
    ClaimStatusReport,
    MunitionReport,
    CasualtyReport,
    DamageReport,
    IncidentReport,
    IncidentLink,
  ],
  resolvers: [IncidentResolver, ParticipationResolver, IncidentLinkResolver, ActorIncidentsResolver, PlaceResolver, FacetResolver],
  references: incidentReferences,
  createLoaders: createIncidentLoaders,
  prepare: (db) => incidentSearch.ensure(db),
  seed: (db) => importIncidents(db, incidentDataset),
};
