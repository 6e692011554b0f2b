import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SUBGRAPHS } from "../subgraphs";
import { SUBGRAPH_NAMES, type SubgraphName } from "../subgraphs/lib/config";
import type { Database } from "../subgraphs/lib/data-source";
import { rowsByColumn, rowsById } from "../subgraphs/lib/loaders";
import { openSubgraphDatabase } from "../subgraphs/lib/start-subgraph";

// The loaders read rows with plain SQL and hydrate them themselves (no query builder per batch):
// what they return must be exactly what TypeORM's `find` returns for every entity of every
// subgraph (class, values, converted types, embedded columns), in one statement per batch.

describe("loaders: rows as TypeORM's find hydrates them", () => {
  let dataDir: string;
  const databases = {} as Record<SubgraphName, Database>;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "loaders-"));
    for (const name of SUBGRAPH_NAMES) databases[name] = await openSubgraphDatabase(SUBGRAPHS[name], { dataDir });
  });
  afterAll(async () => {
    for (const db of Object.values(databases)) await db.dataSource.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const entities = SUBGRAPH_NAMES.flatMap((name) => SUBGRAPHS[name].entities.map((entity) => [name, entity.name, entity] as const));

  it.each(entities)("%s %s by id and by every other column", async (name, _entityName, entity) => {
    const db = databases[name];
    const repository = db.dataSource.getRepository(entity);
    const all = (await repository.find()) as { id?: unknown }[];
    if (all.length === 0) return; // nothing seeded in this table
    const columns = repository.metadata.columns.filter((column) => !column.isVirtual && !column.embeddedMetadata);
    const hasId = repository.metadata.hasColumnWithPropertyPath("id");
    const order = hasId ? { id: "ASC" } : undefined;
    // `rowsById` serves string ids (every entity's but the data_version counter row's).
    if (hasId && typeof all[0]?.id === "string") {
      const ids = all.map((row) => String(row.id));
      const loader = rowsById(repository as never);
      const before = db.sql.count;
      const loaded = await Promise.all([...ids, "no-such-id"].map((id) => loader.load(id)));
      expect(db.sql.count - before).toBe(1);
      expect(loaded).toEqual([...all, null]);
      // Instances of the entity class, as `find` gives (resolvers and type-graphql may rely on it).
      expect(loaded[0]).toBeInstanceOf(entity);
    }
    for (const column of columns.filter((candidate) => candidate.propertyName !== "id")) {
      const values = [
        ...new Set(all.map((row) => (row as Record<string, unknown>)[column.propertyName]).filter((value) => typeof value === "string")),
      ] as string[];
      if (values.length === 0) continue;
      const loader = rowsByColumn(repository as never, column.propertyName as never, order as never);
      const loaded = await loader.loadMany(values);
      const expected = await Promise.all(values.map((value) => repository.find({ where: { [column.propertyName]: value }, order } as never)));
      expect(loaded).toEqual(expected);
    }
  });
});
