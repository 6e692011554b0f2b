import { createHash, randomUUID } from "node:crypto";
import { GraphQLError } from "graphql";
import { GraphQLDateTime } from "graphql-scalars";
import { Arg, Args, Ctx, Directive, Field, ID, InputType, ObjectType, Query, registerEnumType, Resolver } from "type-graphql";
import { Column, Entity, type EntityManager, type FindOptionsWhere, In, Index, PrimaryColumn } from "typeorm";
import { type ConnectionClass, defineConnection, type Page, type PageArgs, PageArgsInput, paginate, sortBy } from "./connection";
import type { Database } from "./data-source";
import { bumpDataVersion } from "./data-version";
import { badUserInput, checkLength } from "./errors";
import type { EvidenceRow } from "./evidence";
import { PAGED } from "./list-size";
import type { Limits } from "./subgraph-module";
import type { Principal } from "./security";

/** What a write call did. */
export enum WriteOutcome {
  CREATED = "CREATED",
  UPDATED = "UPDATED",
  UNCHANGED = "UNCHANGED",
  RETRACTED = "RETRACTED",
}
registerEnumType(WriteOutcome, {
  name: "WriteOutcome",
  description: "What a write did: created the record, changed it, found it already as given (nothing written), or retracted it.",
});

/**
 * One accepted write, kept in the subgraph's own `write_record` table in the same transaction as the
 * write itself: who (the token's `sub`), when, which operation on which record, and the import it
 * belongs to. Calls that changed nothing (UNCHANGED) are not recorded.
 */
@ObjectType("WriteRecord", { description: "One accepted write: who made it, when, to which record, and what it did." })
@Directive("@shareable")
@Entity("write_record")
@Index(["at", "id"])
export class WriteRecord {
  @Field(() => ID, { description: "Stable id of this record." })
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Field(() => GraphQLDateTime, { description: "When the write was committed." })
  @Column("varchar", { length: 32 })
  at: string;

  @Field(() => String, { description: "Who wrote: the `sub` claim of the bearer token." })
  @Column("varchar", { length: 200 })
  by: string;

  @Field(() => String, { description: "The mutation (`upsertStatement`, `retractStatement`...)." })
  @Column("varchar", { length: 64 })
  operation: string;

  @Field(() => String, { description: "The type of the record written (`Statement`...)." })
  @Column("varchar", { length: 64 })
  entityType: string;

  @Field(() => ID, { description: "The id of the record written." })
  @Index()
  @Column("varchar", { length: 64 })
  entityId: string;

  @Field(() => WriteOutcome, { description: "What the write did." })
  @Column("varchar", { length: 16 })
  outcome: WriteOutcome;

  @Field(() => String, { nullable: true, description: "The import run the write belongs to, when the writer gave one (`importId`)." })
  @Index()
  @Column("varchar", { length: 100, nullable: true })
  importId: string | null;
}

/** Records one write in the audit table, inside the write's transaction. */
export async function recordWrite(
  manager: EntityManager,
  record: { principal: Principal; operation: string; entityType: string; entityId: string; outcome: WriteOutcome; importId?: string | null; at: string },
): Promise<WriteRecord> {
  const row = Object.assign(new WriteRecord(), {
    id: randomUUID(),
    at: record.at,
    by: record.principal.sub,
    operation: record.operation,
    entityType: record.entityType,
    entityId: record.entityId,
    outcome: record.outcome,
    importId: record.importId ?? null,
  });
  await manager.getRepository(WriteRecord).insert(row);
  return row;
}

@InputType("EvidenceInput", { description: "Where a written fact comes from: an existing source article and the sentence in it that states the fact." })
export class WrittenEvidence {
  @Directive('@reference(type: "Source")')
  @Field(() => ID, { description: "Id of the source article (it must exist: `source(id:)`)." })
  sourceId: string;

  @Field(() => String, { description: "The sentence of the article that states the fact, verbatim (not empty)." })
  sentence: string;

  @Field(() => Boolean, { nullable: true, description: "True when the article's text is garbled at this point (default false)." })
  garbled?: boolean | null;

  @Field(() => String, { nullable: true, description: "How the fact was read from the sentence, where that needed judgement." })
  note?: string | null;
}

/** Longest accepted evidence sentence. */
const MAX_SENTENCE_LENGTH = 5000;

/**
 * The evidence of a written fact, or a BAD_USER_INPUT error naming the field (`argument`): every fact
 * must say which article and which sentence it comes from. Whether the source exists is checked by the
 * gateway before the write, and again in the write's transaction where the source is local.
 */
export function requireEvidence(argument: string, evidence: WrittenEvidence | null | undefined): WrittenEvidence {
  if (!evidence) {
    throw badUserInput(
      argument,
      `\`${argument}\` is missing: every fact needs its evidence, the source article (\`sourceId\`) and the sentence that states it.`,
    );
  }
  if (evidence.sentence.trim() === "")
    throw badUserInput(`${argument}.sentence`, `\`${argument}.sentence\` is empty: give the sentence of the article that states the fact.`);
  if (evidence.sentence.length > MAX_SENTENCE_LENGTH) {
    throw badUserInput(
      `${argument}.sentence`,
      `\`${argument}.sentence\` is ${evidence.sentence.length} characters long; at most ${MAX_SENTENCE_LENGTH} are accepted.`,
    );
  }
  return evidence;
}

/** Written evidence as it is stored (`garbled` false and `note` null when left out). */
export function evidenceRow(evidence: WrittenEvidence): EvidenceRow {
  return { sourceId: evidence.sourceId, sentence: evidence.sentence, garbled: evidence.garbled ?? false, note: evidence.note ?? null };
}

/** True when stored evidence is the given one (SQLite may read `garbled` back as 0/1). */
export function sameEvidence(stored: EvidenceRow | null | undefined, given: EvidenceRow): boolean {
  return (
    !!stored &&
    stored.sourceId === given.sourceId &&
    stored.sentence === given.sentence &&
    Boolean(stored.garbled) === given.garbled &&
    (stored.note ?? null) === given.note
  );
}

/** True when every given column has the same value on the stored row (an upsert that would change nothing; SQLite may read booleans back as 0/1). */
export function sameColumns<T extends object>(stored: T, given: Partial<T>): boolean {
  return (Object.keys(given) as (keyof T)[]).every((key) => {
    const value = given[key];
    return stored[key] === value || (typeof value === "boolean" && Boolean(stored[key]) === value);
  });
}

/** A required text argument: not blank and at most `max` characters, or BAD_USER_INPUT saying what to give. */
export function requireText(argument: string, value: string, max: number, what: string): string {
  if (value.trim() === "") throw badUserInput(argument, `\`${argument}\` is empty: give ${what}.`);
  return checkLength(argument, value, max);
}

/** The caller of a write, or an UNAUTHENTICATED error (the security directives already refuse anonymous writes; this keeps resolvers honest). */
export function writer(principal: Principal | undefined): Principal {
  if (!principal) throw new GraphQLError("Writes need a bearer token.", { extensions: { code: "UNAUTHENTICATED" } });
  return principal;
}

/** Stable ids: letters, digits and `-_.:`, at most 64 characters. */
export function checkId(argument: string, id: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/.test(id)) {
    throw badUserInput(
      argument,
      `\`${argument}\` "${id.slice(0, 80)}" is not a valid id: use 1 to 64 letters, digits and - _ . :, starting with a letter or digit.`,
    );
  }
  return id;
}

/** The tail of the write queue of each SQLite database: the next write starts when it settles. */
const sqliteQueues = new WeakMap<Database, Promise<unknown>>();

/**
 * Runs one write in one transaction: all of it is committed, or none. On SQLite, writes of one
 * database run one at a time: TypeORM's SQLite driver has a single connection, and a second
 * transaction started meanwhile would join the first, so its rows vanished when the first rolled
 * back although its mutation had reported success (see /work/shared/STACK.md and
 * test/writes.e2e.test.ts). On PostgreSQL each transaction has its own connection; a transaction-scoped
 * advisory lock still serializes the writes of one database, so that two upserts of the same new id
 * cannot both decide to insert it.
 */
export async function inWriteTransaction<T>(db: Database, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  // Every write moves the data version in its own transaction (see data-version.ts); a write that
  // changed nothing moves it too, which only costs a cache miss.
  const versioned = async (manager: EntityManager): Promise<T> => {
    const result = await work(manager);
    await bumpDataVersion(manager);
    return result;
  };
  if (db.kind === "postgres") {
    return db.dataSource.transaction(async (manager) => {
      await manager.query("SELECT pg_advisory_xact_lock(hashtext('conflict-graph:writes'))");
      return versioned(manager);
    });
  }
  const previous = sqliteQueues.get(db) ?? Promise.resolve();
  const run = previous.then(() => db.dataSource.transaction(versioned));
  sqliteQueues.set(
    db,
    run.catch(() => undefined),
  );
  return run;
}

/** A page of a subgraph's audit, oldest first, from `since` on when given. */
async function writeRecordsPage(db: Database, page: PageArgs, since: Date | null | undefined, maxPageSize: number): Promise<Page<WriteRecord>> {
  const query = db.dataSource.getRepository(WriteRecord).createQueryBuilder("w");
  if (since) query.andWhere("w.at >= :since", { since: since.toISOString() });
  return paginate(query, page, sortBy<WriteRecord>("w", "at", "ASC"), maxPageSize);
}

/**
 * The resolver of a subgraph's audit query, `<subgraph>Writes(since:, first:, after:)`, returning a
 * `<Subgraph>WriteRecordConnection` (one connection type per subgraph, so the subgraphs never define the
 * same one). Reading the audit needs a valid token (it names who wrote).
 */
export function defineWritesQuery(subgraph: string): Function {
  const Connection: ConnectionClass<WriteRecord> = defineConnection(
    WriteRecord,
    `${subgraph.charAt(0).toUpperCase()}${subgraph.slice(1)}WriteRecord`,
    "write record",
  );
  @Resolver()
  class WritesResolver {
    @Directive("@authenticated")
    @Directive(PAGED)
    @Query(() => Connection, {
      name: `${subgraph}Writes`,
      description: `The ${subgraph} subgraph's audit: every accepted write (who, when, what), oldest first. Needs a bearer token (any scope).`,
    })
    async writes(
      @Args() page: PageArgsInput,
      @Ctx() ctx: { db: Database; limits: Limits },
      @Arg("since", () => GraphQLDateTime, { nullable: true, description: "Only writes committed at or after this moment." }) since?: Date | null,
    ): Promise<InstanceType<ConnectionClass<WriteRecord>>> {
      return Connection.from(await writeRecordsPage(ctx.db, page, since, ctx.limits.maxPageSize));
    }
  }
  return WritesResolver;
}

/** A stable id derived from other ids (the report that holds an incident write's evidence: one per incident and source). */
export function derivedId(...parts: string[]): string {
  return `w-${createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 40)}`;
}

/** Longest accepted retraction reason. */
const MAX_REASON_LENGTH = 20_000;
/** Longest accepted import id. */
const MAX_IMPORT_ID_LENGTH = 100;

@InputType("RetractInput", { description: "A record to retract: its row is kept, flagged with the time and the reason." })
export class RetractInput {
  @Field(() => ID, { description: "Id of the record." })
  id: string;

  @Field(() => String, { description: "Why it is retracted (not empty)." })
  reason: string;

  @Field(() => String, { nullable: true, description: "The import run this write belongs to (recorded in the audit)." })
  importId?: string | null;
}

/** What a write did, and the record as it now stands. */
export interface WriteResult<T> {
  outcome: WriteOutcome;
  writeId: string | null;
  record: T;
}

/** A result type made by `defineWriteResult`; `from` wraps what `upsertRecord`/`retractRecord` return. */
export interface WriteResultClass<T> {
  new (): WriteResult<T>;
  from(result: WriteResult<T>): WriteResult<T>;
}

/**
 * The GraphQL result type of the writes of one entity: `<Name>WriteResult { outcome writeId <field> }`,
 * one class per entity from one definition (as `defineConnection` does for pages).
 */
export function defineWriteResult<T>(Node: new () => T, name: string, field: string, audit: string): WriteResultClass<T> {
  @ObjectType(`${name}WriteResult`, { description: `What a write of a ${field} did, and the ${field} as it now stands.` })
  class Result implements WriteResult<T> {
    @Field(() => WriteOutcome, { description: "CREATED, UPDATED, RETRACTED, or UNCHANGED when it already was as given (nothing written)." })
    outcome: WriteOutcome;

    @Field(() => ID, { nullable: true, description: `Id of the audit record (\`${audit}\`); null when nothing was written.` })
    writeId: string | null;

    record: T;

    static from(result: WriteResult<T>): Result {
      return Object.assign(new Result(), result);
    }
  }
  Object.defineProperty(Result.prototype, field, {
    get(this: Result) {
      return this.record;
    },
  });
  const descriptor = Object.getOwnPropertyDescriptor(Result.prototype, field) as PropertyDescriptor;
  Field(() => Node, { description: `The ${field} after the write.` })(Result.prototype, field, descriptor);
  return Result;
}

/** A row that writes can retract (see `Retractable`), with the time it last changed. */
export interface WritableRow {
  id: string;
  updatedAt: string;
  retractedAt: string | null;
  retractedReason: string | null;
}

/** Who writes, in which database. */
export interface WriteContext {
  db: Database;
  principal?: Principal;
}

/** One upsert of one record (see `upsertRecord`). */
export interface UpsertRequest<T extends WritableRow> {
  ctx: WriteContext;
  entity: new () => T;
  /** The mutation (`upsertIncident`), for the audit. */
  operation: string;
  /** Every column the input sets, with `id`: compared with the stored row to decide UNCHANGED. */
  fields: Partial<T> & { id: string };
  /** Evidence stored on the row itself (its `evidence` columns), compared with the stored one too. */
  evidence?: EvidenceRow;
  importId?: string | null;
  /** Whether the rows beside the record that the input also sets (links, aliases, a report) already are as given. */
  sameRelated?: (manager: EntityManager, stored: T) => Promise<boolean>;
  /**
   * Runs after the row is saved, in the same transaction: related rows, derived data (search, name
   * keys), and checks of this subgraph's own references (the gateway checked them before; a throw
   * here rolls every row back).
   */
  afterWrite?: (manager: EntityManager, row: T, previous: T | null, now: string) => Promise<void>;
}

/** The caller, with the import id checked; shared by upserts and retractions. */
function checkWriteCall(ctx: WriteContext, importId: string | null | undefined): Principal {
  const principal = writer(ctx.principal);
  if (importId) checkLength("input.importId", importId, MAX_IMPORT_ID_LENGTH);
  return principal;
}

/**
 * Creates a record or replaces it by its stable id, in one write transaction, recorded in the audit.
 * Idempotent: when the stored row (standing, not retracted) already has every given column, evidence
 * and related row, nothing is written and the outcome is UNCHANGED. Upserting a retracted record
 * restores it. `updatedAt` moves on every change.
 */
export async function upsertRecord<T extends WritableRow>(request: UpsertRequest<T>): Promise<WriteResult<T>> {
  const principal = checkWriteCall(request.ctx, request.importId);
  const { entity, fields, evidence } = request;
  checkId("input.id", fields.id);
  return inWriteTransaction(request.ctx.db, async (manager) => {
    const existing = await manager.findOneBy(entity, { id: fields.id } as FindOptionsWhere<T>);
    if (
      existing &&
      existing.retractedAt === null &&
      sameColumns(existing, fields) &&
      (!evidence || sameEvidence((existing as { evidence?: EvidenceRow }).evidence, evidence)) &&
      (!request.sameRelated || (await request.sameRelated(manager, existing)))
    ) {
      return { outcome: WriteOutcome.UNCHANGED, writeId: null, record: existing };
    }
    const now = new Date().toISOString();
    const row = Object.assign(new entity(), fields, evidence ? { evidence } : {}, { updatedAt: now, retractedAt: null, retractedReason: null });
    await manager.save(entity, row);
    await request.afterWrite?.(manager, row, existing, now);
    const outcome = existing ? WriteOutcome.UPDATED : WriteOutcome.CREATED;
    const record = await recordWrite(manager, {
      principal,
      operation: request.operation,
      entityType: entity.name,
      entityId: fields.id,
      outcome,
      importId: request.importId,
      at: now,
    });
    return { outcome, writeId: record.id, record: row };
  });
}

/** One retraction of one record (see `retractRecord`). */
export interface RetractRequest<T extends WritableRow> {
  ctx: WriteContext;
  entity: new () => T;
  /** The mutation (`retractIncident`), for the audit. */
  operation: string;
  input: RetractInput;
  /** Runs after the row is flagged, in the same transaction: derived data to drop (search, name keys), parents to touch. */
  afterWrite?: (manager: EntityManager, row: T, now: string) => Promise<void>;
}

/**
 * Retracts a record: the row is kept with `retractedAt` and `retractedReason`, and its `updatedAt`
 * moves so that `updatedSince` syncs see it. Retracting it again is UNCHANGED; an unknown id is
 * BAD_USER_INPUT naming `input.id`.
 */
export async function retractRecord<T extends WritableRow>(request: RetractRequest<T>): Promise<WriteResult<T>> {
  const { ctx, entity, input } = request;
  const principal = checkWriteCall(ctx, input.importId);
  if (input.reason.trim() === "") throw badUserInput("input.reason", `\`input.reason\` is empty: say why the ${entity.name} is retracted.`);
  checkLength("input.reason", input.reason, MAX_REASON_LENGTH);
  return inWriteTransaction(ctx.db, async (manager) => {
    const row = await manager.findOneBy(entity, { id: input.id } as FindOptionsWhere<T>);
    if (!row) throw badUserInput("input.id", `There is no ${entity.name} "${input.id.slice(0, 80)}" to retract; check the id.`);
    if (row.retractedAt !== null) return { outcome: WriteOutcome.UNCHANGED, writeId: null, record: row };
    const now = new Date().toISOString();
    Object.assign(row, { retractedAt: now, retractedReason: input.reason, updatedAt: now });
    await manager.save(entity, row);
    await request.afterWrite?.(manager, row, now);
    const record = await recordWrite(manager, {
      principal,
      operation: request.operation,
      entityType: entity.name,
      entityId: row.id,
      outcome: WriteOutcome.RETRACTED,
      importId: input.importId,
      at: now,
    });
    return { outcome: WriteOutcome.RETRACTED, writeId: record.id, record: row };
  });
}

/**
 * Moves `updatedAt` of the records a write changed a part of (an incident whose participation was
 * retracted), so that a client syncing with `updatedSince` reads them again, parts included.
 */
export async function touch(
  manager: EntityManager,
  entity: new () => { id: string; updatedAt: string },
  ids: (string | null | undefined)[],
  now: string,
): Promise<void> {
  const distinct = [...new Set(ids.filter((id): id is string => !!id))];
  if (distinct.length) await manager.update(entity, { id: In(distinct) }, { updatedAt: now });
}

/** Throws BAD_USER_INPUT naming `argument` when this subgraph has no `entity` row `id` (a check inside the write transaction). */
export async function requireLocal(manager: EntityManager, entity: new () => { id: string }, argument: string, id: string | null | undefined): Promise<void> {
  if (id && !(await manager.existsBy(entity, { id }))) {
    throw badUserInput(argument, `\`${argument}\` names ${entity.name} "${id}", which does not exist. Nothing was written.`);
  }
}
