import { Arg, Ctx, Directive, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import { checkLength } from "../lib/errors";
import { derivedId, evidenceRow, requireEvidence, requireLocal, requireText, retractRecord, sameEvidence, upsertRecord, type WriteResult } from "../lib/writes";
import type { StatementContext } from "./loaders";
import { indexStatements, statementSearch } from "./search";
import { Source } from "./source";
import { Appearance, Statement, StatementActor, StatementIncident } from "./statement";
import { RetractStatementInput, StatementInput, StatementWriteResult } from "./statement.input";

/** Every mutation of this subgraph needs a verified token with this scope (checked by the gateway, and again here). */
export const WRITE_SCOPE = '@requiresScopes(scopes: [["write:statement"]])';
/** Longest accepted statement text, resolution, retraction reason or figure text. */
export const MAX_TEXT_LENGTH = 20_000;

/** A `GraphQLDate` argument (a Date at midnight UTC) as stored: YYYY-MM-DD. */
export function day(value: Date | string): string {
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** The ids of the incidents or actors a statement is linked to, sorted. */
async function linkedIds(manager: EntityManager, entity: typeof StatementIncident | typeof StatementActor, statementId: string): Promise<string[]> {
  const rows = await manager.getRepository<StatementIncident | StatementActor>(entity).findBy({ statementId });
  return rows.map((row) => ("incidentId" in row ? row.incidentId : row.actorId)).sort();
}

@Resolver()
export class StatementWriteResolver {
  @Directive("@authenticated")
  @Directive(WRITE_SCOPE)
  @Mutation(() => StatementWriteResult, {
    description:
      "Creates a statement or replaces it by id, with its evidence, in one transaction, recorded in the audit (`statementWrites`). Idempotent: the same input again reports UNCHANGED and writes nothing. Upserting a retracted statement restores it. Needs a token with scope `write:statement`.",
  })
  async upsertStatement(
    @Arg("input", () => StatementInput, { description: "The statement." }) input: StatementInput,
    @Ctx() ctx: StatementContext,
  ): Promise<WriteResult<Statement>> {
    const evidence = evidenceRow(requireEvidence("input.evidence", input.evidence));
    requireText("input.text", input.text, MAX_TEXT_LENGTH, "what was said");
    checkLength("input.saidOnResolution", input.saidOnResolution ?? "", MAX_TEXT_LENGTH);
    const fields = {
      id: input.id,
      speakerId: input.speakerId,
      onBehalfOfId: input.onBehalfOfId ?? null,
      viaId: input.viaId ?? null,
      saidOn: day(input.saidOn),
      saidOnPrecision: input.saidOnPrecision,
      saidOnResolution: input.saidOnResolution ?? null,
      channel: input.channel,
      mode: input.mode,
      text: input.text,
    };
    const incidents = input.aboutIncidentIds ? [...new Set(input.aboutIncidentIds)].sort() : undefined;
    const actors = input.aboutActorIds ? [...new Set(input.aboutActorIds)].sort() : undefined;
    // The appearance that holds the evidence: one per statement and source, so the same source again replaces it.
    const appearance = { id: derivedId(input.id, evidence.sourceId), statementId: input.id, evidence };
    const result = await upsertRecord({
      ctx,
      entity: Statement,
      operation: "upsertStatement",
      fields,
      importId: input.importId,
      sameRelated: async (manager) => {
        const stored = await manager.findOneBy(Appearance, { id: appearance.id });
        return (
          sameEvidence(stored?.evidence, evidence) &&
          (incidents === undefined || sameSet(incidents, await linkedIds(manager, StatementIncident, input.id))) &&
          (actors === undefined || sameSet(actors, await linkedIds(manager, StatementActor, input.id)))
        );
      },
      afterWrite: async (manager) => {
        await manager.save(Appearance, Object.assign(new Appearance(), appearance));
        if (incidents) {
          await manager.delete(StatementIncident, { statementId: input.id });
          if (incidents.length)
            await manager.insert(
              StatementIncident,
              incidents.map((incidentId) => ({ statementId: input.id, incidentId })),
            );
        }
        if (actors) {
          await manager.delete(StatementActor, { statementId: input.id });
          if (actors.length)
            await manager.insert(
              StatementActor,
              actors.map((actorId) => ({ statementId: input.id, actorId })),
            );
        }
        // The source is this subgraph's own: checked again inside the transaction (the gateway checked it
        // before), so a source that is not there rolls back every row written above.
        await requireLocal(manager, Source, "input.evidence.sourceId", evidence.sourceId);
        await indexStatements(manager, ctx.db.kind, [input.id]);
      },
    });
    return StatementWriteResult.from(result);
  }

  @Directive("@authenticated")
  @Directive(WRITE_SCOPE)
  @Mutation(() => StatementWriteResult, {
    description:
      "Retracts a statement: the row is kept with `retractedAt` and `retractedReason`, and its `updatedAt` moves so that `updatedSince` syncs see it; lists leave it out from then on. Retracting it again reports UNCHANGED. Needs scope `write:statement`.",
  })
  async retractStatement(
    @Arg("input", () => RetractStatementInput, { description: "Which statement, and why." }) input: RetractStatementInput,
    @Ctx() ctx: StatementContext,
  ): Promise<WriteResult<Statement>> {
    const result = await retractRecord({
      ctx,
      entity: Statement,
      operation: "retractStatement",
      input,
      afterWrite: (manager, row) => statementSearch.remove(manager, ctx.db.kind, [row.id]),
    });
    return StatementWriteResult.from(result);
  }
}
