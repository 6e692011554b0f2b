import { Arg, Ctx, Directive, Mutation, Resolver } from "type-graphql";
import { checkLength } from "../lib/errors";
import { requireText, RetractInput, retractRecord, upsertRecord, type WriteResult } from "../lib/writes";
import type { StatementContext } from "./loaders";
import { Source } from "./source";
import { SourceInput, SourceWriteResult } from "./source.input";
import { day, MAX_TEXT_LENGTH, WRITE_SCOPE } from "./statement.write";

/** Longest accepted article text. */
const MAX_ARTICLE_LENGTH = 500_000;

@Resolver()
export class SourceWriteResolver {
  @Directive("@authenticated")
  @Directive(WRITE_SCOPE)
  @Mutation(() => SourceWriteResult, {
    description:
      "Creates a source article or replaces it by id, in one transaction, recorded in the audit (`statementWrites`); facts in every subgraph can cite it as evidence from then on. Idempotent: the same input again reports UNCHANGED and writes nothing. Upserting a retracted source restores it. Needs a token with scope `write:statement`.",
  })
  async upsertSource(
    @Arg("input", () => SourceInput, { description: "The article." }) input: SourceInput,
    @Ctx() ctx: StatementContext,
  ): Promise<WriteResult<Source>> {
    requireText("input.title", input.title, MAX_TEXT_LENGTH, "the headline or first line");
    requireText("input.text", input.text, MAX_ARTICLE_LENGTH, "the article's text");
    for (const [argument, value] of [
      ["input.publishedOnReasoning", input.publishedOnReasoning],
      ["input.outletReasoning", input.outletReasoning],
    ] as const) {
      checkLength(argument, value ?? "", MAX_TEXT_LENGTH);
    }
    checkLength("input.fileName", input.fileName ?? "", 200);
    const fields = {
      id: input.id,
      fileName: input.fileName ?? "",
      title: input.title,
      outletId: input.outletId ?? null,
      outletStated: input.outletStated ?? true,
      outletReasoning: input.outletReasoning ?? null,
      publishedOn: day(input.publishedOn),
      publishedOnStated: input.publishedOnStated ?? true,
      publishedOnReasoning: input.publishedOnReasoning ?? "As given by the writer (`upsertSource`).",
      text: input.text,
    };
    // The outlet is the actor subgraph's: the gateway checked that it exists before this ran.
    return SourceWriteResult.from(await upsertRecord({ ctx, entity: Source, operation: "upsertSource", fields, importId: input.importId }));
  }

  @Directive("@authenticated")
  @Directive(WRITE_SCOPE)
  @Mutation(() => SourceWriteResult, {
    description:
      "Retracts a source article: the row is kept with `retractedAt` and `retractedReason`, its `updatedAt` moves so that `sources(updatedSince:)` syncs see it, and `sources` leaves it out from then on. Facts that cite it keep their evidence (retract them one by one where they fall with it). Retracting it again reports UNCHANGED. Needs scope `write:statement`.",
  })
  async retractSource(
    @Arg("input", () => RetractInput, { description: "Which source, and why." }) input: RetractInput,
    @Ctx() ctx: StatementContext,
  ): Promise<WriteResult<Source>> {
    return SourceWriteResult.from(await retractRecord({ ctx, entity: Source, operation: "retractSource", input }));
  }
}
