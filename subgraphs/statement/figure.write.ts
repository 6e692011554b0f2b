import { Arg, Ctx, Directive, Mutation, Resolver } from "type-graphql";
import { badUserInput, checkLength } from "../lib/errors";
import { checkId, evidenceRow, inWriteTransaction, recordWrite, requireEvidence, sameColumns, sameEvidence, WriteOutcome, writer } from "../lib/writes";
import { ReportedFigure } from "./figure";
import { FigureInput, FigureWriteResult } from "./figure.input";
import type { StatementContext } from "./loaders";
import { Source } from "./source";
import { Statement } from "./statement";
import { day, MAX_TEXT_LENGTH, WRITE_SCOPE } from "./statement.write";

@Resolver()
export class FigureWriteResolver {
  @Directive("@authenticated")
  @Directive(WRITE_SCOPE)
  @Mutation(() => FigureWriteResult, {
    description:
      "Creates a reported figure or replaces it by id, with its evidence, in one transaction, recorded in the audit (`statementWrites`). Idempotent: the same input again reports UNCHANGED and writes nothing. Needs a token with scope `write:statement`.",
  })
  async upsertFigure(
    @Arg("input", () => FigureInput, { description: "The figure." }) input: FigureInput,
    @Ctx() ctx: StatementContext,
  ): Promise<FigureWriteResult> {
    const principal = writer(ctx.principal);
    checkId("input.id", input.id);
    const evidence = evidenceRow(requireEvidence("input.evidence", input.evidence));
    if (input.rawText.trim() === "") throw badUserInput("input.rawText", "`input.rawText` is empty: give the figure as printed.");
    for (const [name, value] of [
      ["input.rawText", input.rawText],
      ["input.scope", input.scope],
      ["input.rankReason", input.rankReason],
    ] as const) {
      checkLength(name, value ?? "", MAX_TEXT_LENGTH);
    }
    if (input.value != null && !Number.isFinite(input.value)) throw badUserInput("input.value", "`input.value` must be a finite number, or null.");
    if (input.importId) checkLength("input.importId", input.importId, 100);
    const fields = {
      id: input.id,
      metric: input.metric,
      value: input.value ?? null,
      qualifier: input.qualifier,
      periodStart: input.periodStart ? day(input.periodStart) : null,
      asOf: day(input.asOf),
      scope: input.scope ?? null,
      reportedById: input.reportedById ?? null,
      statementId: input.statementId ?? null,
      incidentId: input.incidentId ?? null,
      rank: input.rank,
      rankReason: input.rankReason ?? null,
      rawText: input.rawText,
    };
    return inWriteTransaction(ctx.db, async (manager) => {
      const existing = await manager.findOneBy(ReportedFigure, { id: input.id });
      if (existing && sameColumns(existing, fields) && sameEvidence(existing.evidence, evidence)) {
        return Object.assign(new FigureWriteResult(), { outcome: WriteOutcome.UNCHANGED, writeId: null, figure: existing });
      }
      const figure = Object.assign(new ReportedFigure(), fields, { evidence });
      await manager.save(ReportedFigure, figure);
      // The source and the statement are this subgraph's own: checked again inside the transaction
      // (the gateway checked them before), so one that is not there rolls the write back.
      if (!(await manager.existsBy(Source, { id: evidence.sourceId }))) {
        throw badUserInput(
          "input.evidence.sourceId",
          `\`input.evidence.sourceId\` names Source "${evidence.sourceId}", which does not exist. Nothing was written.`,
        );
      }
      if (fields.statementId && !(await manager.existsBy(Statement, { id: fields.statementId }))) {
        throw badUserInput("input.statementId", `\`input.statementId\` names Statement "${fields.statementId}", which does not exist. Nothing was written.`);
      }
      const outcome = existing ? WriteOutcome.UPDATED : WriteOutcome.CREATED;
      const record = await recordWrite(manager, {
        principal,
        operation: "upsertFigure",
        entityType: "ReportedFigure",
        entityId: input.id,
        outcome,
        importId: input.importId,
        at: new Date().toISOString(),
      });
      return Object.assign(new FigureWriteResult(), { outcome, writeId: record.id, figure });
    });
  }
}
