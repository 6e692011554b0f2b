import type { Database } from "../../subgraphs/lib/data-source";

const CELL = ["startsAt", "endsAt", "type", "acledEventType", "acledSubEventType", "isAggregate"].map((column) => `"${column}"`);

/**
 * The non-zero cells of the facets' maintained counts, the same grouping computed from the standing
 * incidents and their places (equal when the counts are right), and how many cells are negative.
 */
export async function cellsAndIncidents(db: Database): Promise<{ cells: unknown[]; incidents: unknown[]; negative: number }> {
  const order = `ORDER BY ${CELL.join(", ")}, "countryCode"`;
  const normal = (rows: Record<string, unknown>[]) => rows.map((row) => ({ ...row, isAggregate: Boolean(row.isAggregate), count: Number(row.count) }));
  const cells = await db.dataSource.query(`SELECT ${CELL.join(", ")}, "countryCode", "count" FROM incident_facet_count WHERE "count" <> 0 ${order}`);
  const grouped = `${CELL.map((column) => `i.${column}`).join(", ")}, COALESCE(p."countryCode", '')`;
  const incidents = await db.dataSource.query(
    `SELECT ${grouped} AS "countryCode", COUNT(*) AS "count" FROM incident i LEFT JOIN place p ON p.id = i."placeId"
      WHERE i."retractedAt" IS NULL GROUP BY ${grouped} ${order}`,
  );
  const [{ n }] = await db.dataSource.query(`SELECT COUNT(*) AS n FROM incident_facet_count WHERE "count" < 0`);
  return { cells: normal(cells), incidents: normal(incidents), negative: Number(n) };
}
