import { Arg, Ctx, Directive, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import { badUserInput, checkLength, MAX_NAME_LENGTH } from "../lib/errors";
import { rebuildNameKeys } from "../lib/name-match";
import { foldName } from "../lib/names";
import { evidenceRow, requireEvidence, requireLocal, requireText, RetractInput, retractRecord, touch, upsertRecord, type WriteResult } from "../lib/writes";
import { Actor } from "./actor";
import { ActorInput, ActorWriteResult, AliasInput, AliasWriteResult } from "./actor.input";
import { ACTOR_NAMES } from "./name-key";
import { ActorAlias } from "./alias";
import type { ActorContext } from "./loaders";
import { ActorNameKey } from "./name-key";

/** Every mutation of this subgraph needs a verified token with this scope (checked by the gateway, and again here). */
export const WRITE_SCOPE = '@requiresScopes(scopes: [["write:actor"]])';
/** Longest accepted description. */
const MAX_TEXT_LENGTH = 20_000;
const IDEMPOTENT = "Idempotent: the same input again reports UNCHANGED and writes nothing. Upserting a retracted one restores it.";

/**
 * After an actor's names changed: their name keys are rebuilt from the names that stand, and the
 * actors count as changed for `actors(updatedSince:)` syncs.
 */
export async function actorsChanged(manager: EntityManager, actorIds: (string | undefined)[], now: string, names = true): Promise<void> {
  const ids = [...new Set(actorIds.filter((id): id is string => !!id))];
  await touch(manager, Actor, ids, now);
  if (names) await rebuildNameKeys(manager, ACTOR_NAMES, ActorNameKey, ids);
}

@Resolver()
export class ActorWriteResolver {
  @Directive("@authenticated")
  @Directive(WRITE_SCOPE)
  @Mutation(() => ActorWriteResult, {
    description: `Creates an actor or replaces it by id, with its evidence, in one transaction, recorded in the audit (\`actorWrites\`); \`resolveActor\` finds it by its name from then on. ${IDEMPOTENT} Needs a token with scope \`write:actor\`.`,
  })
  async upsertActor(@Arg("input", () => ActorInput, { description: "The actor." }) input: ActorInput, @Ctx() ctx: ActorContext): Promise<WriteResult<Actor>> {
    const evidence = evidenceRow(requireEvidence("input.evidence", input.evidence));
    requireText("input.name", input.name, MAX_NAME_LENGTH, "the actor's name");
    checkLength("input.description", input.description ?? "", MAX_TEXT_LENGTH);
    if (input.countryCode != null && !/^[A-Za-z]{2}$/.test(input.countryCode))
      throw badUserInput("input.countryCode", `\`input.countryCode\` "${input.countryCode.slice(0, 10)}" is not an ISO 3166-1 alpha-2 code (two letters).`);
    const fields = {
      id: input.id,
      name: input.name,
      folded: foldName(input.name),
      kind: input.kind,
      anonymous: input.anonymous ?? false,
      description: input.description ?? null,
      countryCode: input.countryCode?.toUpperCase() ?? null,
    };
    const result = await upsertRecord({
      ctx,
      entity: Actor,
      operation: "upsertActor",
      fields,
      evidence,
      importId: input.importId,
      afterWrite: (manager, row) => rebuildNameKeys(manager, ACTOR_NAMES, ActorNameKey, [row.id]),
    });
    return ActorWriteResult.from(result);
  }

  @Directive("@authenticated")
  @Directive(WRITE_SCOPE)
  @Mutation(() => ActorWriteResult, {
    description:
      "Retracts an actor: the row is kept with `retractedAt` and `retractedReason`, its `updatedAt` moves so that `updatedSince` syncs see it, and `actors` and `resolveActor` no longer find it (by any of its names). Records elsewhere that name it keep the id; `actor(id:)` still returns it, flagged. Retracting it again reports UNCHANGED. Needs scope `write:actor`.",
  })
  async retractActor(
    @Arg("input", () => RetractInput, { description: "Which actor, and why." }) input: RetractInput,
    @Ctx() ctx: ActorContext,
  ): Promise<WriteResult<Actor>> {
    const result = await retractRecord({
      ctx,
      entity: Actor,
      operation: "retractActor",
      input,
      afterWrite: (manager, row) => rebuildNameKeys(manager, ACTOR_NAMES, ActorNameKey, [row.id]),
    });
    return ActorWriteResult.from(result);
  }

  @Directive("@authenticated")
  @Directive(WRITE_SCOPE)
  @Mutation(() => AliasWriteResult, {
    description: `Creates another name of an actor or replaces it by id, with its evidence, in one transaction, recorded in the audit (\`actorWrites\`); the actor's \`updatedAt\` moves too, and \`resolveActor\` finds the actor by the name from then on. ${IDEMPOTENT} Needs a token with scope \`write:actor\`.`,
  })
  async upsertAlias(
    @Arg("input", () => AliasInput, { description: "The alias." }) input: AliasInput,
    @Ctx() ctx: ActorContext,
  ): Promise<WriteResult<ActorAlias>> {
    const evidence = evidenceRow(requireEvidence("input.evidence", input.evidence));
    requireText("input.name", input.name, MAX_NAME_LENGTH, "the name as written");
    const fields = { id: input.id, actorId: input.actorId, name: input.name, folded: foldName(input.name), kind: input.kind };
    const result = await upsertRecord({
      ctx,
      entity: ActorAlias,
      operation: "upsertAlias",
      fields,
      evidence,
      importId: input.importId,
      afterWrite: async (manager, row, previous, now) => {
        // The actor is this subgraph's own: checked again inside the transaction (the gateway checked it before).
        await requireLocal(manager, Actor, "input.actorId", row.actorId);
        await actorsChanged(manager, [row.actorId, previous?.actorId], now);
      },
    });
    return AliasWriteResult.from(result);
  }

  @Directive("@authenticated")
  @Directive(WRITE_SCOPE)
  @Mutation(() => AliasWriteResult, {
    description:
      "Retracts an alias: the row is kept with `retractedAt` and `retractedReason`, its actor's `updatedAt` moves, and `resolveActor` no longer finds the actor by that name. Retracting it again reports UNCHANGED. Needs scope `write:actor`.",
  })
  async retractAlias(
    @Arg("input", () => RetractInput, { description: "Which alias, and why." }) input: RetractInput,
    @Ctx() ctx: ActorContext,
  ): Promise<WriteResult<ActorAlias>> {
    const result = await retractRecord({
      ctx,
      entity: ActorAlias,
      operation: "retractAlias",
      input,
      afterWrite: (manager, row, now) => actorsChanged(manager, [row.actorId], now),
    });
    return AliasWriteResult.from(result);
  }
}
