import { type DataSource, MigrationExecutor, type MigrationInterface, type QueryRunner } from "typeorm";

/** A migration class as TypeORM runs it (its name ends with the 13-digit timestamp that orders it). */
export type MigrationClass = new () => MigrationInterface;

/**
 * A subgraph's schema history, oldest first: one list per database kind, because the SQL differs.
 * Each entry is frozen once committed: a change to the entities is a new migration, never an edit.
 */
export interface SchemaMigrations {
  sqlite: MigrationClass[];
  postgres: MigrationClass[];
}

/** What a start does with a database whose schema is behind the code: migrate it, or refuse to start. */
export type MigratePolicy = "auto" | "refuse";

/** Thrown at start when the database is behind the code and the policy says not to migrate it. */
export class SchemaBehindError extends Error {
  constructor(
    readonly subgraph: string,
    readonly pending: string[],
  ) {
    super(
      `the ${subgraph} database is behind the code (pending migrations: ${pending.join(", ")}): run \`npm run migrate\` first, or set MIGRATE=auto to migrate on start`,
    );
    this.name = "SchemaBehindError";
  }
}

/** Names of the migrations this database has not run yet, oldest first (reads only; creates nothing). */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const pending = await new MigrationExecutor(dataSource).getPendingMigrations();
  return pending.map((migration) => migration.name);
}

/** Runs every pending migration in one transaction (all or nothing) and returns their names. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const ran = await dataSource.runMigrations({ transaction: "all" });
  return ran.map((migration) => migration.name);
}

/**
 * True when none of the entities' tables exists yet: creating the schema of a new database changes
 * no data, so it happens on start whatever the policy (a first `NODE_ENV=production npm start` works).
 */
export async function isNewDatabase(dataSource: DataSource): Promise<boolean> {
  const queryRunner = dataSource.createQueryRunner();
  try {
    for (const entity of dataSource.entityMetadatas) if (await queryRunner.hasTable(entity.tablePath)) return false;
    return true;
  } finally {
    await queryRunner.release();
  }
}

/**
 * Brings a database up to the code when it starts: runs the pending migrations when the policy is
 * `auto` or the database is new; otherwise throws `SchemaBehindError`, so production never changes
 * a live schema by surprise. Returns the names of the migrations that ran.
 */
export async function migrateOnStart(subgraph: string, dataSource: DataSource, policy: MigratePolicy): Promise<string[]> {
  const pending = await pendingMigrations(dataSource);
  if (pending.length === 0) return [];
  if (policy === "refuse" && !(await isNewDatabase(dataSource))) throw new SchemaBehindError(subgraph, pending);
  return runMigrations(dataSource);
}

/**
 * For a subgraph's first migration only: true when `tables` all exist already, in a database that
 * TypeORM's `synchronize` built before migrations existed (it kept the schema equal to the entities on
 * every start, so that schema is exactly what the first migration creates): the migration then adopts
 * it as it is. Throws when only some exist, a schema no release made, which needs a person.
 */
export async function adoptSynchronizedSchema(queryRunner: QueryRunner, tables: string[]): Promise<boolean> {
  const present: string[] = [];
  for (const table of tables) if (await queryRunner.hasTable(table)) present.push(table);
  if (present.length === 0) return false;
  if (present.length === tables.length) return true;
  const missing = tables.filter((table) => !present.includes(table));
  throw new Error(`the database has some tables of the first migration but not ${missing.join(", ")}: not a schema any release created; fix it by hand`);
}
