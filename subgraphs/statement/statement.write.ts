import { createHash } from "node:crypto";
import { Arg, Ctx, Directive, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import { badUserInput, checkLength } from "../lib/errors";
import { checkId, evidenceRow, inWriteTransaction, recordWrite, requireEvidence, sameColumns, sameEvidence, WriteOutcome, writer } from "../lib/writes";
import type { StatementContext } from "./loaders";
import { indexStatements, statementSearch } from "./search";
import { Source } from "./source";
import { Appearance, Statement, StatementActor, StatementIncident } from "./statement";
import { RetractStatementInput, StatementInput, StatementWriteResult } from "./statement.input";

/** Every mutation of this subgraph needs a verified token with this scope (checked by the gateway, and again here). */
export const WRITE_SCOPE = '@requiresScopes(scopes: [["write:statement"]])';
/** Longest accepted statement text, resolution, retraction reason or figure text. */
export const MAX_TEXT_LENGTH = 20_000;

/** The appearance that holds a write's evidence: one per statement and source, so the same source again replaces it. */
function appearanceId(statementId: string, sourceId: string): string {
  return `w-${createHash("sha256").update(`${statementId}\n${sourceId}`).digest("hex").slice(0, 40)}`;
}

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
  ): Promise<StatementWriteResult> {
    const principal = writer(ctx.principal);
    checkId("input.id", input.id);
    const evidence = requireEvidence("input.evidence", input.evidence);
    if (input.text.trim() === "") throw badUserInput("input.text", "`input.text` is empty: give what was said.");
    checkLength("input.text", input.text, MAX_TEXT_LENGTH);
    checkLength("input.saidOnResolution", input.saidOnResolution ?? "", MAX_TEXT_LENGTH);
    if (input.importId) checkLength("input.importId", input.importId, 100);
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
    const appearance = {
      id: appearanceId(input.id, evidence.sourceId),
      statementId: input.id,
      evidence: evidenceRow(evidence),
    };
    return inWriteTransaction(ctx.db, async (manager) => {
      const existing = await manager.findOneBy(Statement, { id: input.id });
      const stored = await manager.findOneBy(Appearance, { id: appearance.id });
      const currentIncidents = existing ? await linkedIds(manager, StatementIncident, input.id) : [];
      const currentActors = existing ? await linkedIds(manager, StatementActor, input.id) : [];
      const unchanged =
        existing !== null &&
        existing.retractedAt === null &&
        sameColumns(existing, fields) &&
        sameEvidence(stored?.evidence, appearance.evidence) &&
        (incidents === undefined || sameSet(incidents, currentIncidents)) &&
        (actors === undefined || sameSet(actors, currentActors));
      if (existing && unchanged) return Object.assign(new StatementWriteResult(), { outcome: WriteOutcome.UNCHANGED, writeId: null, statement: existing });

      const now = new Date().toISOString();
      const statement = Object.assign(new Statement(), fields, { updatedAt: now, retractedAt: null, retractedReason: null });
      await manager.save(Statement, statement);
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
      if (!(await manager.existsBy(Source, { id: evidence.sourceId }))) {
        throw badUserInput(
          "input.evidence.sourceId",
          `\`input.evidence.sourceId\` names Source "${evidence.sourceId}", which does not exist. Nothing was written.`,
        );
      }
      await indexStatements(manager, ctx.db.kind, [input.id]);
      const outcome = existing ? WriteOutcome.UPDATED : WriteOutcome.CREATED;
      const record = await recordWrite(manager, {
        principal,
        operation: "upsertStatement",
        entityType: "Statement",
        entityId: input.id,
        outcome,
        importId: input.importId,
        at: now,
      });
      return Object.assign(new StatementWriteResult(), { outcome, writeId: record.id, statement });
    });
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
  ): Promise<StatementWriteResult> {
    const principal = writer(ctx.principal);
    if (input.reason.trim() === "") throw badUserInput("input.reason", "`input.reason` is empty: say why the statement is retracted.");
    checkLength("input.reason", input.reason, MAX_TEXT_LENGTH);
    if (input.importId) checkLength("input.importId", input.importId, 100);
    return inWriteTransaction(ctx.db, async (manager) => {
      const statement = await manager.findOneBy(Statement, { id: input.id });
      if (!statement) throw badUserInput("input.id", `There is no statement "${input.id.slice(0, 80)}" to retract; check the id.`);
      if (statement.retractedAt !== null) return Object.assign(new StatementWriteResult(), { outcome: WriteOutcome.UNCHANGED, writeId: null, statement });
      const now = new Date().toISOString();
      Object.assign(statement, { retractedAt: now, retractedReason: input.reason, updatedAt: now });
      await manager.save(Statement, statement);
      await statementSearch.remove(manager, ctx.db.kind, [statement.id]);
      const record = await recordWrite(manager, {
        principal,
        operation: "retractStatement",
        entityType: "Statement",
        entityId: statement.id,
        outcome: WriteOutcome.RETRACTED,
        importId: input.importId,
        at: now,
      });
      return Object.assign(new StatementWriteResult(), { outcome: WriteOutcome.RETRACTED, writeId: record.id, statement });
    });
  }
}
