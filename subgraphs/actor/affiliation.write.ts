import { Arg, Ctx, Directive, Mutation, Resolver } from "type-graphql";
import { badUserInput, checkLength, MAX_NAME_LENGTH } from "../lib/errors";
import { checkId, evidenceRow, inWriteTransaction, recordWrite, requireEvidence, sameColumns, sameEvidence, WriteOutcome, writer } from "../lib/writes";
import { Actor } from "./actor";
import { Affiliation } from "./affiliation";
import { AffiliationInput, AffiliationWriteResult } from "./affiliation.input";
import type { ActorContext } from "./loaders";

/** A `GraphQLDate` argument (a Date at midnight UTC) as stored: YYYY-MM-DD. */
function day(value: Date | null | undefined): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

@Resolver()
export class AffiliationWriteResolver {
  @Directive("@authenticated")
  @Directive('@requiresScopes(scopes: [["write:actor"]])')
  @Mutation(() => AffiliationWriteResult, {
    description:
      "Creates an affiliation or replaces it by id, with its evidence, in one transaction, recorded in the audit (`actorWrites`). Idempotent: the same input again reports UNCHANGED and writes nothing. Needs a token with scope `write:actor`.",
  })
  async upsertAffiliation(
    @Arg("input", () => AffiliationInput, { description: "The affiliation." }) input: AffiliationInput,
    @Ctx() ctx: ActorContext,
  ): Promise<AffiliationWriteResult> {
    const principal = writer(ctx.principal);
    checkId("input.id", input.id);
    // The source is the statement subgraph's: the gateway checked that it exists before this ran.
    const evidence = evidenceRow(requireEvidence("input.evidence", input.evidence));
    if (input.title) checkLength("input.title", input.title, MAX_NAME_LENGTH);
    if (input.importId) checkLength("input.importId", input.importId, 100);
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
    return inWriteTransaction(ctx.db, async (manager) => {
      const existing = await manager.findOneBy(Affiliation, { id: input.id });
      if (existing && sameColumns(existing, fields) && sameEvidence(existing.evidence, evidence)) {
        return Object.assign(new AffiliationWriteResult(), { outcome: WriteOutcome.UNCHANGED, writeId: null, affiliation: existing });
      }
      const affiliation = Object.assign(new Affiliation(), fields, { evidence });
      await manager.save(Affiliation, affiliation);
      // Both actors are this subgraph's own: checked again inside the transaction (the gateway checked them before).
      for (const [argument, id] of [
        ["input.actorId", fields.actorId],
        ["input.organizationId", fields.organizationId],
      ] as const) {
        if (!(await manager.existsBy(Actor, { id })))
          throw badUserInput(argument, `\`${argument}\` names Actor "${id}", which does not exist. Nothing was written.`);
      }
      const outcome = existing ? WriteOutcome.UPDATED : WriteOutcome.CREATED;
      const record = await recordWrite(manager, {
        principal,
        operation: "upsertAffiliation",
        entityType: "Affiliation",
        entityId: input.id,
        outcome,
        importId: input.importId,
        at: new Date().toISOString(),
      });
      return Object.assign(new AffiliationWriteResult(), { outcome, writeId: record.id, affiliation });
    });
  }
}
