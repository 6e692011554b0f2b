import { Arg, Ctx, Directive, Mutation, Resolver } from "type-graphql";
import { badUserInput, checkLength, MAX_NAME_LENGTH } from "../lib/errors";
import { evidenceRow, requireEvidence, requireLocal, RetractInput, retractRecord, upsertRecord, type WriteResult } from "../lib/writes";
import { actorsChanged, WRITE_SCOPE } from "./actor.write";
import { Affiliation } from "./affiliation";
import { Actor } from "./actor";
import { AffiliationInput, AffiliationWriteResult } from "./affiliation.input";
import type { ActorContext } from "./loaders";

/** A `GraphQLDate` argument (a Date at midnight UTC) as stored: YYYY-MM-DD. */
function day(value: Date | null | undefined): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

@Resolver()
export class AffiliationWriteResolver {
  @Directive("@authenticated")
  @Directive(WRITE_SCOPE)
  @Mutation(() => AffiliationWriteResult, {
    description:
      "Creates an affiliation or replaces it by id, with its evidence, in one transaction, recorded in the audit (`actorWrites`); both actors' `updatedAt` move too. Idempotent: the same input again reports UNCHANGED and writes nothing. Upserting a retracted one restores it. Needs a token with scope `write:actor`.",
  })
  async upsertAffiliation(
    @Arg("input", () => AffiliationInput, { description: "The affiliation." }) input: AffiliationInput,
    @Ctx() ctx: ActorContext,
  ): Promise<WriteResult<Affiliation>> {
    // The source is the statement subgraph's: the gateway checked that it exists before this ran.
    const evidence = evidenceRow(requireEvidence("input.evidence", input.evidence));
    if (input.title) checkLength("input.title", input.title, MAX_NAME_LENGTH);
    if (input.actorId === input.organizationId)
      throw badUserInput("input.organizationId", "`input.organizationId` is `input.actorId`: an actor is not affiliated with itself.");
    const fields = {
      id: input.id,
      actorId: input.actorId,
      organizationId: input.organizationId,
      role: input.role,
      title: input.title ?? null,
      since: day(input.since),
      until: day(input.until),
    };
    if (fields.since && fields.until && fields.since > fields.until)
      throw badUserInput("input.until", `\`input.until\` (${fields.until}) is before \`input.since\` (${fields.since}); swap them.`);
    const result = await upsertRecord({
      ctx,
      entity: Affiliation,
      operation: "upsertAffiliation",
      fields,
      evidence,
      importId: input.importId,
      afterWrite: async (manager, row, previous, now) => {
        // Both actors are this subgraph's own: checked again inside the transaction (the gateway checked them before).
        await requireLocal(manager, Actor, "input.actorId", row.actorId);
        await requireLocal(manager, Actor, "input.organizationId", row.organizationId);
        await actorsChanged(manager, [row.actorId, row.organizationId, previous?.actorId, previous?.organizationId], now, false);
      },
    });
    return AffiliationWriteResult.from(result);
  }

  @Directive("@authenticated")
  @Directive(WRITE_SCOPE)
  @Mutation(() => AffiliationWriteResult, {
    description:
      "Retracts an affiliation: the row is kept with `retractedAt` and `retractedReason`, both actors' `updatedAt` move so that `actors(updatedSince:)` syncs see it, and `affiliations`/`affiliates` leave it out from then on. Retracting it again reports UNCHANGED. Needs scope `write:actor`.",
  })
  async retractAffiliation(
    @Arg("input", () => RetractInput, { description: "Which affiliation, and why." }) input: RetractInput,
    @Ctx() ctx: ActorContext,
  ): Promise<WriteResult<Affiliation>> {
    const result = await retractRecord({
      ctx,
      entity: Affiliation,
      operation: "retractAffiliation",
      input,
      afterWrite: (manager, row, now) => actorsChanged(manager, [row.actorId, row.organizationId], now, false),
    });
    return AffiliationWriteResult.from(result);
  }
}
