import { Arg, Ctx, Directive, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import { badUserInput, checkLength, MAX_NAME_LENGTH } from "../lib/errors";
import type { EvidenceRow } from "../lib/evidence";
import { rebuildNameKeys } from "../lib/name-match";
import { foldName } from "../lib/names";
import { derivedId, evidenceRow, requireEvidence, requireLocal, requireText, RetractInput, retractRecord, upsertRecord, type WriteResult } from "../lib/writes";
import { PlaceInput, PlaceWriteResult } from "./incident.input";
import { WRITE_SCOPE } from "./incident.write";
import type { IncidentContext } from "./loaders";
import { PlaceNameKey } from "./name-key";
import { Place, PlaceAlias } from "./place";
import { PLACE_NAMES } from "./name-key";

/** An alias as stored, for comparison: name, kind and evidence. */
function aliasKey(alias: { name: string; kind: string; evidence: EvidenceRow | null }): string {
  const evidence = alias.evidence;
  return JSON.stringify([alias.name, alias.kind, evidence?.sourceId, evidence?.sentence, Boolean(evidence?.garbled), evidence?.note ?? null]);
}

/** Checks a place's coordinates and codes, naming the argument. */
function checkPlace(input: PlaceInput): void {
  requireText("input.name", input.name, MAX_NAME_LENGTH, "the place's name");
  if (input.countryCode != null && !/^[A-Za-z]{2}$/.test(input.countryCode))
    throw badUserInput("input.countryCode", `\`input.countryCode\` "${input.countryCode.slice(0, 10)}" is not an ISO 3166-1 alpha-2 code (two letters).`);
  checkLength("input.country", input.country ?? "", 100);
  checkLength("input.admin1", input.admin1 ?? "", 100);
  if (input.latitude != null && !(input.latitude >= -90 && input.latitude <= 90))
    throw badUserInput("input.latitude", `\`input.latitude\` must be between -90 and 90 (got ${input.latitude}).`);
  if (input.longitude != null && !(input.longitude >= -180 && input.longitude <= 180))
    throw badUserInput("input.longitude", `\`input.longitude\` must be between -180 and 180 (got ${input.longitude}).`);
  if ((input.latitude == null) !== (input.longitude == null))
    throw badUserInput("input.longitude", "Give both `input.latitude` and `input.longitude`, or neither.");
  if (input.geoPrecision != null && ![1, 2, 3].includes(input.geoPrecision))
    throw badUserInput("input.geoPrecision", `\`input.geoPrecision\` must be 1, 2 or 3 (got ${input.geoPrecision}).`);
  if (input.parentId === input.id) throw badUserInput("input.parentId", "`input.parentId` is `input.id`: a place is not inside itself.");
}

@Resolver()
export class PlaceWriteResolver {
  @Directive("@authenticated")
  @Directive(WRITE_SCOPE)
  @Mutation(() => PlaceWriteResult, {
    description:
      "Creates a place or replaces it by id, with its evidence and (when given) its aliases, in one transaction, recorded in the audit (`incidentWrites`); its names are found by `resolvePlace` and the `place` filter from then on. Idempotent: the same input again reports UNCHANGED and writes nothing. Upserting a retracted place restores it. Needs a token with scope `write:incident`.",
  })
  async upsertPlace(
    @Arg("input", () => PlaceInput, { description: "The place." }) input: PlaceInput,
    @Ctx() ctx: IncidentContext,
  ): Promise<WriteResult<Place>> {
    const evidence = evidenceRow(requireEvidence("input.evidence", input.evidence));
    checkPlace(input);
    const aliases = input.aliases?.map((alias, index) => {
      const argument = `input.aliases[${index}]`;
      requireText(`${argument}.name`, alias.name, MAX_NAME_LENGTH, "the name as written");
      return {
        id: derivedId(input.id, alias.name),
        placeId: input.id,
        name: alias.name,
        folded: foldName(alias.name),
        kind: alias.kind,
        evidence: evidenceRow(requireEvidence(`${argument}.evidence`, alias.evidence)),
      };
    });
    if (aliases && new Set(aliases.map((alias) => alias.id)).size !== aliases.length)
      throw badUserInput("input.aliases", "`input.aliases` names the same alias twice; give each name once.");
    const fields = {
      id: input.id,
      name: input.name,
      folded: foldName(input.name),
      kind: input.kind,
      countryCode: input.countryCode?.toUpperCase() ?? null,
      country: input.country ?? null,
      admin1: input.admin1 ?? null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      geoPrecision: input.geoPrecision ?? null,
      coordinatesFromGazetteer: input.coordinatesFromGazetteer ?? true,
      parentId: input.parentId ?? null,
    };
    const storedAliases = async (manager: EntityManager) => (await manager.findBy(PlaceAlias, { placeId: input.id })).map(aliasKey).sort();
    const result = await upsertRecord({
      ctx,
      entity: Place,
      operation: "upsertPlace",
      fields,
      evidence,
      importId: input.importId,
      sameRelated: async (manager) => !aliases || JSON.stringify(await storedAliases(manager)) === JSON.stringify(aliases.map(aliasKey).sort()),
      afterWrite: async (manager, row) => {
        if (aliases) {
          await manager.delete(PlaceAlias, { placeId: row.id });
          if (aliases.length) await manager.insert(PlaceAlias, aliases);
        }
        // The parent is this subgraph's own: checked again inside the transaction (the gateway checked it before).
        await requireLocal(manager, Place, "input.parentId", row.parentId);
        await rebuildNameKeys(manager, PLACE_NAMES, PlaceNameKey, [row.id]);
      },
    });
    return PlaceWriteResult.from(result);
  }

  @Directive("@authenticated")
  @Directive(WRITE_SCOPE)
  @Mutation(() => PlaceWriteResult, {
    description:
      "Retracts a place: the row is kept with `retractedAt` and `retractedReason`, its `updatedAt` moves so that `updatedSince` syncs see it, and `places`, `resolvePlace` and the `place` filter no longer find it by its names. Incidents at it keep their `placeId`. Retracting it again reports UNCHANGED. Needs scope `write:incident`.",
  })
  async retractPlace(
    @Arg("input", () => RetractInput, { description: "Which place, and why." }) input: RetractInput,
    @Ctx() ctx: IncidentContext,
  ): Promise<WriteResult<Place>> {
    const result = await retractRecord({
      ctx,
      entity: Place,
      operation: "retractPlace",
      input,
      afterWrite: (manager, row) => rebuildNameKeys(manager, PLACE_NAMES, PlaceNameKey, [row.id]),
    });
    return PlaceWriteResult.from(result);
  }
}
