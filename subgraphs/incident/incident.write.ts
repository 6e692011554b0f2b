import { Arg, Ctx, Directive, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import { badUserInput, checkLength } from "../lib/errors";
import {
  derivedId,
  evidenceRow,
  requireEvidence,
  requireLocal,
  requireText,
  RetractInput,
  retractRecord,
  sameColumns,
  sameEvidence,
  touch,
  upsertRecord,
  type WriteResult,
} from "../lib/writes";
import { IncidentReport, Participation } from "./facts";
import { Incident } from "./incident";
import {
  IncidentInput,
  IncidentReportInput,
  IncidentReportWriteResult,
  IncidentWriteResult,
  ParticipationInput,
  ParticipationWriteResult,
} from "./incident.input";
import type { IncidentContext } from "./loaders";
import { Place } from "./place";
import { incidentSearch, indexIncidents } from "./search";

/** Every mutation of this subgraph needs a verified token with this scope (checked by the gateway, and again here). */
export const WRITE_SCOPE = '@requiresScopes(scopes: [["write:incident"]])';
/** Longest accepted summary, account or other free text. */
export const MAX_TEXT_LENGTH = 20_000;
const IDEMPOTENT = "Idempotent: the same input again reports UNCHANGED and writes nothing. Upserting a retracted one restores it.";
const RETRACTION =
  "the row is kept with `retractedAt` and `retractedReason`, its `updatedAt` moves so that `updatedSince` syncs see it, and lists and search leave it out from then on. Retracting it again reports UNCHANGED.";

/**
 * After a participation or report changed: its incident (and the one it moved from) counts as changed
 * for `updatedSince` syncs, and their search documents are rebuilt from the facts that stand.
 */
async function factChanged(manager: EntityManager, ctx: IncidentContext, incidentIds: (string | undefined)[], now: string): Promise<void> {
  const ids = [...new Set(incidentIds.filter((id): id is string => !!id))];
  await touch(manager, Incident, ids, now);
  await indexIncidents(manager, ctx.db.kind, ids);
}

@Resolver()
export class IncidentWriteResolver {
  @Directive("@authenticated")
  @Directive(WRITE_SCOPE)
  @Mutation(() => IncidentWriteResult, {
    description: `Creates an incident or replaces it by id, with its evidence (kept as one of its reports), in one transaction, recorded in the audit (\`incidentWrites\`). ${IDEMPOTENT} Needs a token with scope \`write:incident\`.`,
  })
  async upsertIncident(
    @Arg("input", () => IncidentInput, { description: "The incident." }) input: IncidentInput,
    @Ctx() ctx: IncidentContext,
  ): Promise<WriteResult<Incident>> {
    const evidence = evidenceRow(requireEvidence("input.evidence", input.evidence));
    requireText("input.title", input.title, 300, "a short title");
    requireText("input.summary", input.summary, MAX_TEXT_LENGTH, "what happened, in a few sentences");
    for (const [argument, value] of [
      ["input.timePhrase", input.timePhrase],
      ["input.timeResolution", input.timeResolution],
      ["input.targetFacility", input.targetFacility],
    ] as const) {
      checkLength(argument, value ?? "", argument === "input.targetFacility" ? 300 : MAX_TEXT_LENGTH);
    }
    const startsAt = input.startsAt.toISOString();
    const endsAt = (input.endsAt ?? input.startsAt).toISOString();
    if (endsAt < startsAt) throw badUserInput("input.endsAt", `\`input.endsAt\` (${endsAt}) is before \`input.startsAt\` (${startsAt}); swap them.`);
    if (input.eventCount != null && input.eventCount < 0) throw badUserInput("input.eventCount", "`input.eventCount` must be 0 or more.");
    const fields = {
      id: input.id,
      title: input.title,
      summary: input.summary,
      type: input.type,
      acledEventType: input.acledEventType,
      acledSubEventType: input.acledSubEventType,
      startsAt,
      endsAt,
      timePrecision: input.timePrecision,
      timeApproximate: input.timeApproximate ?? false,
      timePhrase: input.timePhrase ?? null,
      timeResolution: input.timeResolution ?? null,
      placeId: input.placeId ?? null,
      targetFacility: input.targetFacility ?? null,
      isAggregate: input.isAggregate ?? false,
      eventCount: input.eventCount ?? null,
    };
    const report = { id: derivedId(input.id, evidence.sourceId), incidentId: input.id, account: input.summary };
    const result = await upsertRecord({
      ctx,
      entity: Incident,
      operation: "upsertIncident",
      fields,
      importId: input.importId,
      sameRelated: async (manager) => {
        const stored = await manager.findOneBy(IncidentReport, { id: report.id });
        return !!stored && stored.retractedAt === null && sameColumns(stored, report) && sameEvidence(stored.evidence, evidence);
      },
      afterWrite: async (manager, row, _previous, now) => {
        await manager.save(IncidentReport, Object.assign(new IncidentReport(), report, { evidence, updatedAt: now, retractedAt: null, retractedReason: null }));
        // The place is this subgraph's own: checked again inside the transaction (the gateway checked it before).
        await requireLocal(manager, Place, "input.placeId", row.placeId);
        await indexIncidents(manager, ctx.db.kind, [row.id]);
      },
    });
    return IncidentWriteResult.from(result);
  }

  @Directive("@authenticated")
  @Directive(WRITE_SCOPE)
  @Mutation(() => IncidentWriteResult, { description: `Retracts an incident: ${RETRACTION} Needs scope \`write:incident\`.` })
  async retractIncident(
    @Arg("input", () => RetractInput, { description: "Which incident, and why." }) input: RetractInput,
    @Ctx() ctx: IncidentContext,
  ): Promise<WriteResult<Incident>> {
    const result = await retractRecord({
      ctx,
      entity: Incident,
      operation: "retractIncident",
      input,
      afterWrite: (manager, row) => incidentSearch.remove(manager, ctx.db.kind, [row.id]),
    });
    return IncidentWriteResult.from(result);
  }

  @Directive("@authenticated")
  @Directive(WRITE_SCOPE)
  @Mutation(() => ParticipationWriteResult, {
    description: `Creates an actor's part in an incident or replaces it by id, with its evidence, in one transaction, recorded in the audit (\`incidentWrites\`); the incident's \`updatedAt\` moves too. ${IDEMPOTENT} Needs a token with scope \`write:incident\`.`,
  })
  async upsertParticipation(
    @Arg("input", () => ParticipationInput, { description: "The participation." }) input: ParticipationInput,
    @Ctx() ctx: IncidentContext,
  ): Promise<WriteResult<Participation>> {
    const evidence = evidenceRow(requireEvidence("input.evidence", input.evidence));
    const fields = { id: input.id, incidentId: input.incidentId, actorId: input.actorId, role: input.role, basis: input.basis };
    const result = await upsertRecord({
      ctx,
      entity: Participation,
      operation: "upsertParticipation",
      fields,
      evidence,
      importId: input.importId,
      afterWrite: async (manager, row, previous, now) => {
        await requireLocal(manager, Incident, "input.incidentId", row.incidentId);
        await factChanged(manager, ctx, [row.incidentId, previous?.incidentId], now);
      },
    });
    return ParticipationWriteResult.from(result);
  }

  @Directive("@authenticated")
  @Directive(WRITE_SCOPE)
  @Mutation(() => ParticipationWriteResult, {
    description: `Retracts a participation: ${RETRACTION} Its incident's \`updatedAt\` moves too. Needs scope \`write:incident\`.`,
  })
  async retractParticipation(
    @Arg("input", () => RetractInput, { description: "Which participation, and why." }) input: RetractInput,
    @Ctx() ctx: IncidentContext,
  ): Promise<WriteResult<Participation>> {
    const result = await retractRecord({
      ctx,
      entity: Participation,
      operation: "retractParticipation",
      input,
      afterWrite: (manager, row, now) => factChanged(manager, ctx, [row.incidentId], now),
    });
    return ParticipationWriteResult.from(result);
  }

  @Directive("@authenticated")
  @Directive(WRITE_SCOPE)
  @Mutation(() => IncidentReportWriteResult, {
    description: `Creates an article's account of an incident or replaces it by id, in one transaction, recorded in the audit (\`incidentWrites\`); the incident's \`updatedAt\` moves too. ${IDEMPOTENT} Needs a token with scope \`write:incident\`.`,
  })
  async upsertIncidentReport(
    @Arg("input", () => IncidentReportInput, { description: "The report." }) input: IncidentReportInput,
    @Ctx() ctx: IncidentContext,
  ): Promise<WriteResult<IncidentReport>> {
    const evidence = evidenceRow(requireEvidence("input.evidence", input.evidence));
    requireText("input.account", input.account, MAX_TEXT_LENGTH, "how the article describes the incident");
    const result = await upsertRecord({
      ctx,
      entity: IncidentReport,
      operation: "upsertIncidentReport",
      fields: { id: input.id, incidentId: input.incidentId, account: input.account },
      evidence,
      importId: input.importId,
      afterWrite: async (manager, row, previous, now) => {
        await requireLocal(manager, Incident, "input.incidentId", row.incidentId);
        await factChanged(manager, ctx, [row.incidentId, previous?.incidentId], now);
      },
    });
    return IncidentReportWriteResult.from(result);
  }

  @Directive("@authenticated")
  @Directive(WRITE_SCOPE)
  @Mutation(() => IncidentReportWriteResult, {
    description: `Retracts an incident report: ${RETRACTION} Its incident's \`updatedAt\` moves too. Needs scope \`write:incident\`.`,
  })
  async retractIncidentReport(
    @Arg("input", () => RetractInput, { description: "Which report, and why." }) input: RetractInput,
    @Ctx() ctx: IncidentContext,
  ): Promise<WriteResult<IncidentReport>> {
    const result = await retractRecord({
      ctx,
      entity: IncidentReport,
      operation: "retractIncidentReport",
      input,
      afterWrite: (manager, row, now) => factChanged(manager, ctx, [row.incidentId], now),
    });
    return IncidentReportWriteResult.from(result);
  }
}
