import type { EntityManager } from "typeorm";
import type { Database } from "../lib/data-source";
import type { EvidenceInput } from "../lib/evidence";
import { type SearchDocument, SearchIndex } from "../lib/search-index";
import { CasualtyReport, DamageReport, IncidentReport, MunitionReport, Participation } from "./facts";
import { Incident } from "./incident";

/** The full-text index of incidents: title, summary and every evidence sentence about them. */
export const incidentSearch = new SearchIndex("incident_search", "incident");

/** An incident's search document: its title, its summary, then each distinct evidence sentence about it, in fact order. */
function document(incident: { id: string; title: string; summary: string }, sentences: Iterable<string> = []): SearchDocument {
  return { id: incident.id, text: [incident.title, incident.summary, ...sentences].join("\n") };
}

/** The facts whose sentences go into the documents, in the order they are read. */
interface SearchedFacts {
  participations: { incidentId: string; evidence: EvidenceInput }[];
  munitions: { incidentId: string; evidence: EvidenceInput }[];
  casualties: { incidentId: string; evidence: EvidenceInput }[];
  damage: { incidentId: string; evidence: EvidenceInput }[];
  reports: { incidentId: string; evidence: EvidenceInput }[];
}

/**
 * The search documents of incidents whose every row is in `facts` (an import batch that brings them
 * whole), computed in memory: exactly what `indexIncidents` would read back from the database.
 */
export function incidentDocuments(facts: SearchedFacts, incidents: { id: string; title: string; summary: string }[]): SearchDocument[] {
  const sentences = new Map<string, Set<string>>(incidents.map((incident) => [incident.id, new Set<string>()]));
  for (const rows of [facts.participations, facts.munitions, facts.casualties, facts.damage, facts.reports]) {
    for (const row of rows) if (row.evidence.sentence) sentences.get(row.incidentId)?.add(row.evidence.sentence);
  }
  return incidents.map((incident) => document(incident, sentences.get(incident.id)));
}

/** Rebuilds the search documents of these incidents from their rows (inside the import transaction). */
export async function indexIncidents(manager: EntityManager, kind: Database["kind"], ids: string[]): Promise<void> {
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    const rows = await manager.getRepository(Incident).createQueryBuilder("i").where("i.id IN (:...ids)", { ids: chunk }).getMany();
    // A retracted incident is not found, and a retracted participation or report adds no sentence.
    const incidents = rows.filter((incident) => incident.retractedAt == null);
    await incidentSearch.remove(
      manager,
      kind,
      rows.filter((incident) => incident.retractedAt != null).map((incident) => incident.id),
    );
    const sentences = new Map<string, Set<string>>(chunk.map((id) => [id, new Set<string>()]));
    for (const entity of [Participation, MunitionReport, CasualtyReport, DamageReport, IncidentReport]) {
      const facts: { incidentId: string; evidence: { sentence: string | null }; retractedAt?: string | null }[] = await manager
        .getRepository(entity)
        .createQueryBuilder("f")
        .where("f.incidentId IN (:...ids)", { ids: chunk })
        .getMany();
      for (const fact of facts) if (fact.evidence.sentence && fact.retractedAt == null) sentences.get(fact.incidentId)?.add(fact.evidence.sentence);
    }
    await incidentSearch.write(
      manager,
      kind,
      incidents.map((incident) => document(incident, sentences.get(incident.id))),
    );
  }
}
