import { Arg, Ctx, Directive, Mutation, Resolver } from "type-graphql";
import { badUserInput, checkLength } from "../lib/errors";
import { evidenceRow, requireEvidence, requireLocal, requireText, RetractInput, retractRecord, upsertRecord, type WriteResult } from "../lib/writes";
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
      "Creates a reported figure or replaces it by id, with its evidence, in one transaction, recorded in the audit (`statementWrites`). Idempotent: the same input again reports UNCHANGED and writes nothing. Upserting a retracted figure restores it. Needs a token with scope `write:statement`.",
  })
  async upsertFigure(
    @Arg("input", () => FigureInput, { description: "The figure." }) input: FigureInput,
    @Ctx() ctx: StatementContext,
  ): Promise<WriteResult<ReportedFigure>> {
    const evidence = evidenceRow(requireEvidence("input.evidence", input.evidence));
    requireText("input.rawText", input.rawText, MAX_TEXT_LENGTH, "the figure as printed");
    checkLength("input.scope", input.scope ?? "", MAX_TEXT_LENGTH);
    checkLength("input.rankReason", input.rankReason ?? "", MAX_TEXT_LENGTH);
    if (input.value != null && !Number.isFinite(input.value)) throw badUserInput("input.value", "`input.value` must be a finite number, or null.");
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
    const result = await upsertRecord({
      ctx,
      entity: ReportedFigure,
      operation: "upsertFigure",
      fields,
      evidence,
      importId: input.importId,
      afterWrite: async (manager, row) => {
        // The source and the statement are this subgraph's own: checked again inside the transaction
        // (the gateway checked them before), so one that is not there rolls the write back.
        await requireLocal(manager, Source, "input.evidence.sourceId", evidence.sourceId);
        await requireLocal(manager, Statement, "input.statementId", row.statementId);
      },
    });
    return FigureWriteResult.from(result);
  }

  @Directive("@authenticated")
  @Directive(WRITE_SCOPE)
  @Mutation(() => FigureWriteResult, {
    description:
      "Retracts a reported figure: the row is kept with `retractedAt` and `retractedReason`, its `updatedAt` moves so that `figures(filter: { updatedSince })` syncs see it, and lists and series leave it out from then on. Retracting it again reports UNCHANGED. Needs scope `write:statement`.",
  })
  async retractFigure(
    @Arg("input", () => RetractInput, { description: "Which figure, and why." }) input: RetractInput,
    @Ctx() ctx: StatementContext,
  ): Promise<WriteResult<ReportedFigure>> {
    return FigureWriteResult.from(await retractRecord({ ctx, entity: ReportedFigure, operation: "retractFigure", input }));
  }
}
