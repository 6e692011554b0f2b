import { createHash } from "node:crypto";
import { Arg, Ctx, Directive, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import type { z } from "zod/v4";
import { type BatchOutcome, type ImportOptions, LedgerMismatchError } from "./bulk-import";
import { jsonPath } from "./bundle-file";
import type { SubgraphName } from "./config";
import type { Database } from "./data-source";
import { badUserInput, checkLength } from "./errors";
import { ImportBatchRecord } from "./import-ledger";
import { assumedSize } from "./list-size";
import type { Principal } from "./security";
import { recordWrite, WriteOutcome, writer } from "./writes";

// The import API of a subgraph, for `npm run import` through the gateway (subgraphs/import/gateway.ts):
// `import<X>Batch` writes one batch of the subgraph's section of bundles through the same batch engine
// as a direct import (`importBatch`, with its ledger entry), `<x>ImportBatches` lists an import's
// committed batches (to resume), and `existing<T>Ids` says which ids of the entity type other
// subgraphs refer to exist here (the import checks cross-subgraph references before writing).
//
// The section travels as JSON text, not as a GraphQL input object or JSON scalar: a batch holds
// hundreds of rows per table and tens of thousands of values, which the operation limits rightly
// refuse in variables (MAX_LIST_ITEMS, MAX_VARIABLE_VALUES), and which graphql-js would coerce value
// by value; one string is checked once, by the subgraph's own zod section schema.

/** The scope every import operation needs. */
export const IMPORT_SCOPE = '@requiresScopes(scopes: [["write:import"]])';
/** Longest accepted section text (the gateway's MAX_BODY refuses larger requests first by default). */
const MAX_SECTION_LENGTH = 64 * 1024 * 1024;
/** Most ids per `existing<T>Ids` call (the client chunks by the gateway's MAX_LIST_ITEMS). */
const MAX_IDS = 1000;
/** Batches of one import the cost estimate assumes (10,000 incidents per batch of 500: 20). */
const ASSUMED_BATCHES = 1000;
/** Problems of a bad section reported in the error's extensions. */
const MAX_REPORTED_ISSUES = 20;

/** What the import API of a subgraph needs from it. */
export interface ImportApiSpec {
  subgraph: SubgraphName;
  /** The GraphQL type other subgraphs refer to, kept here (`Actor`), and its table. */
  referred: { type: string; table: string };
  section: z.ZodType;
  importBatch(db: Database, section: Record<string, unknown>, options?: ImportOptions): Promise<BatchOutcome>;
}

interface ImportContext {
  db: Database;
  principal?: Principal;
}

/** The audit's id of a batch: `<importId>:<batch>`, shortened with a hash when longer than the column. */
export function importBatchEntityId(importId: string, batch: number): string {
  const id = `${importId}:${batch}`;
  if (id.length <= 64) return id;
  const hash = createHash("sha256").update(importId).digest("hex").slice(0, 8);
  return `${importId.slice(0, 64 - `~${hash}:${batch}`.length)}~${hash}:${batch}`;
}

function checkImportId(importId: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/.test(importId)) {
    throw badUserInput("importId", "`importId` must be 1 to 100 letters, digits and - _ . :, starting with a letter or digit.");
  }
  return importId;
}

/** The section as the subgraph's zod schema reads it, or BAD_USER_INPUT naming the JSON paths of its problems. */
function parseSection(spec: ImportApiSpec, text: string): Record<string, unknown> {
  checkLength("section", text, MAX_SECTION_LENGTH);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badUserInput("section", `\`section\` is not JSON text: ${error instanceof Error ? error.message : String(error)}. Nothing was written.`);
  }
  const parsed = spec.section.safeParse(value);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const issues = parsed.error.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => ({ path: jsonPath([spec.subgraph, ...issue.path]), message: issue.message }));
  const [first] = issues;
  throw badUserInput(
    "section",
    `\`section\` does not match the ${spec.subgraph} section schema: ${first.path}: ${first.message}${parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problem(s))` : ""}. Nothing was written.`,
    { issues },
  );
}

/** Type-graphql resolver classes of one subgraph's import API (distinct GraphQL names per subgraph). */
export function defineImportApi(spec: ImportApiSpec): Function {
  const Name = spec.subgraph.charAt(0).toUpperCase() + spec.subgraph.slice(1);

  @ObjectType(`${Name}ImportBatchResult`, { description: `What writing one batch of an import into the ${spec.subgraph} subgraph did.` })
  class ImportBatchResult {
    @Field(() => Boolean, { description: "False when the ledger already held this batch with the same checksum (a resumed import): nothing was written." })
    written: boolean;

    @Field(() => Int, { description: "Rows written (0 when the batch was committed before)." })
    rows: number;

    @Field(() => ID, { nullable: true, description: `Id of the audit record (\`${spec.subgraph}Writes\`); null when nothing was written.` })
    writeId: string | null;
  }

  @ObjectType(`${Name}ImportBatch`, { description: `One batch of an import committed in the ${spec.subgraph} subgraph (its ledger).` })
  class ImportBatch {
    @Field(() => Int, { description: "The batch's number in the import, from 0." })
    batch: number;

    @Field(() => String, { description: "Checksum of the batch's input as the importer computed it." })
    checksum: string;

    @Field(() => Int, { description: "Rows the batch held (before derived data)." })
    rowCount: number;

    @Field(() => String, { description: "When it was committed (ISO 8601)." })
    committedAt: string;
  }

  @Resolver()
  class ImportApiResolver {
    @Directive("@authenticated")
    @Directive(IMPORT_SCOPE)
    @Mutation(() => ImportBatchResult, {
      name: `import${Name}Batch`,
      description: `Writes one batch of an import's ${spec.subgraph} section (what \`npm run import\` sends through the gateway) in one transaction with its ledger entry and one audit record (\`${spec.subgraph}Writes\`: operation \`import${Name}Batch\`, entity \`ImportBatch\` \`<importId>:<batch>\`). A batch already committed with the same checksum is skipped (\`written: false\`); with another checksum it is refused. Cross-subgraph references are the importer's to check first. Needs a token with scope \`write:import\`.`,
    })
    async importBatch(
      @Arg("importId", () => String, { description: "The import run (its ledger id)." }) importId: string,
      @Arg("batch", () => Int, { description: "The batch's number in the import, from 0." }) batch: number,
      @Arg("checksum", () => String, { description: "Checksum of the batch's section, kept in the ledger: a resumed import must send the same." })
      checksum: string,
      @Arg("section", () => String, { description: `The batch's ${spec.subgraph} section of a bundle, as JSON text (\`dataset/bundle.schema.json\`).` })
      section: string,
      @Ctx() ctx: ImportContext,
    ): Promise<ImportBatchResult> {
      const principal = writer(ctx.principal);
      checkImportId(importId);
      if (batch < 0) throw badUserInput("batch", "`batch` must be 0 or more.");
      if (!/^[A-Za-z0-9]{1,64}$/.test(checksum)) throw badUserInput("checksum", "`checksum` must be 1 to 64 letters and digits.");
      const rows = parseSection(spec, section);
      const ledger = {
        importId,
        batch,
        subgraph: spec.subgraph,
        rowCount: Object.values(rows).reduce<number>((sum, table) => sum + (Array.isArray(table) ? table.length : 0), 0),
        checksum,
      };
      let writeId: string | null = null;
      try {
        const outcome = await spec.importBatch(ctx.db, rows, {
          ledger,
          alsoInTransaction: async (manager) => {
            const record = await recordWrite(manager, {
              principal,
              operation: `import${Name}Batch`,
              entityType: "ImportBatch",
              entityId: importBatchEntityId(importId, batch),
              outcome: WriteOutcome.CREATED,
              importId,
              at: new Date().toISOString(),
            });
            writeId = record.id;
          },
        });
        return Object.assign(new ImportBatchResult(), { written: outcome.written, rows: outcome.rows, writeId: outcome.written ? writeId : null });
      } catch (error) {
        if (error instanceof LedgerMismatchError) throw badUserInput("checksum", `${error.message}. Nothing was written.`);
        throw error;
      }
    }

    @Directive("@authenticated")
    @Directive(IMPORT_SCOPE)
    @Directive(assumedSize(ASSUMED_BATCHES))
    @Query(() => [ImportBatch], {
      name: `${spec.subgraph}ImportBatches`,
      description: `The batches of an import committed in the ${spec.subgraph} subgraph, by number (a resumed import skips them). Needs scope \`write:import\`.`,
    })
    async importBatches(
      @Arg("importId", () => String, { description: "The import run." }) importId: string,
      @Ctx() ctx: ImportContext,
    ): Promise<ImportBatch[]> {
      writer(ctx.principal);
      checkImportId(importId);
      const rows = await ctx.db.dataSource.getRepository(ImportBatchRecord).find({ where: { importId, subgraph: spec.subgraph }, order: { batch: "ASC" } });
      return rows.map((row) =>
        Object.assign(new ImportBatch(), { batch: row.batch, checksum: row.checksum, rowCount: row.rowCount, committedAt: row.committedAt }),
      );
    }

    @Directive("@authenticated")
    @Directive(IMPORT_SCOPE)
    @Directive(assumedSize(100))
    @Query(() => [ID], {
      name: `existing${spec.referred.type}Ids`,
      description: `Which of these ids are ${spec.referred.type} rows here, retracted ones included (an import checks its references with it). At most ${MAX_IDS} ids. Needs scope \`write:import\`.`,
    })
    async existing(@Arg("ids", () => [ID], { description: "The ids to look for." }) ids: string[], @Ctx() ctx: ImportContext): Promise<string[]> {
      writer(ctx.principal);
      if (ids.length > MAX_IDS) throw badUserInput("ids", `\`ids\` holds ${ids.length} ids; at most ${MAX_IDS} are accepted per call.`);
      if (ids.length === 0) return [];
      const db = ctx.db;
      const marks = ids.map((_, i) => (db.kind === "sqlite" ? "?" : `$${i + 1}`)).join(", ");
      const rows: { id: string }[] = await db.dataSource.query(`SELECT id FROM "${spec.referred.table}" WHERE id IN (${marks})`, ids);
      return rows.map((row) => row.id);
    }
  }
  return ImportApiResolver;
}
