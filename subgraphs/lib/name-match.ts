import { distance } from "fastest-levenshtein";
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { type Database, queryNamed } from "./data-source";
import { foldName } from "./names";

/**
 * Lookup keys of a folded name, stored per name so that a misspelled query still finds candidates
 * through an index: every word's first and last three letters, and its consonant skeleton (vowels
 * dropped, doubled letters collapsed: "kataeb" and "kataib" both give "ktb").
 */
export function nameKeys(folded: string): string[] {
  const keys = new Set<string>();
  for (const word of folded.split(" ")) {
    if (word.length < 3) continue;
    keys.add(`p:${word.slice(0, 3)}`);
    keys.add(`e:${word.slice(-3)}`);
    const skeleton = word.replace(/[aeiouy]/g, "").replace(/(.)\1+/g, "$1");
    if (skeleton.length >= 2) keys.add(`s:${skeleton}`);
  }
  return [...keys];
}

/** A candidate name and the entity it names. */
export interface NameCandidate<T> {
  name: string;
  folded: string;
  value: T;
}

/** How alike two folded names are, 0 to 1: whole-string edit distance, or word by word if better. */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const whole = 1 - distance(a, b) / Math.max(a.length, b.length);
  const wordsA = a.split(" ");
  const wordsB = b.split(" ");
  // Each query word against its best match among the candidate's words ("sudani" in "mohammed shia sudani").
  const perWord = wordsA.map((word) => Math.max(...wordsB.map((other) => 1 - distance(word, other) / Math.max(word.length, other.length))));
  const coverage = perWord.reduce((sum, score) => sum + score, 0) / wordsA.length;
  // A query that matches only some of the candidate's words is a weaker match than one that matches all.
  const wordScore = coverage * (0.75 + (0.25 * Math.min(wordsA.length, wordsB.length)) / Math.max(wordsA.length, wordsB.length));
  return Math.max(whole, wordScore);
}

/** Below this similarity a candidate is not a match. */
export const MIN_SIMILARITY = 0.7;

/**
 * Ranks candidates for a query name, best first; each entity appears once, with the name that
 * matched best. Exact matches after folding score 1.
 */
export function rankNames<T>(
  query: string,
  candidates: NameCandidate<T>[],
  key: (value: T) => string,
  limit = 10,
): { value: T; name: string; score: number }[] {
  const folded = foldName(query);
  const best = new Map<string, { value: T; name: string; score: number }>();
  for (const candidate of candidates) {
    const score = Math.round(nameSimilarity(folded, candidate.folded) * 1000) / 1000;
    if (score < MIN_SIMILARITY) continue;
    const id = key(candidate.value);
    const previous = best.get(id);
    if (!previous || score > previous.score) best.set(id, { value: candidate.value, name: candidate.name, score });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit);
}

/** Where one kind of entity keeps its names: the entity table, its alias table and its name-key table. */
export interface NameTables {
  /** Entity table, with `id`, `name`, `folded`. */
  table: string;
  /** Alias table, with `<owner>`, `name`, `folded`. */
  aliasTable: string;
  /** Name-key table, with `<owner>`, `name`, `key`. */
  keyTable: string;
  /** Column naming the entity in the alias and key tables (`actorId`). */
  owner: string;
  /** True when aliases can be retracted on their own (their table has `retractedAt`). */
  aliasesRetract?: boolean;
}

/** Most candidate names looked at for one query (found through the name-key index). */
const MAX_CANDIDATES = 2000;

/**
 * Ranked matches for a name among one kind of entity: exact matches after folding (indexed on
 * `folded`), plus close misspellings found through the name-key index and scored by edit distance.
 * Reads at most `MAX_CANDIDATES` names, never the whole table.
 */
export async function lookupName(db: Database, tables: NameTables, name: string, limit: number): Promise<{ id: string; name: string; score: number }[]> {
  const folded = foldName(name);
  if (folded === "") return [];
  const keys = nameKeys(folded);
  const owner = `"${tables.owner}"`;
  const [exact, candidates] = await Promise.all([
    // Retracted entities and aliases are not found (the name keys hold only standing names).
    queryNamed<{ id: string; name: string }>(
      db,
      `SELECT id, name FROM ${tables.table} WHERE folded = :folded AND "retractedAt" IS NULL
       UNION SELECT n.${owner} AS id, n.name FROM ${tables.aliasTable} n JOIN ${tables.table} e ON e.id = n.${owner}
        WHERE n.folded = :folded AND e."retractedAt" IS NULL${tables.aliasesRetract ? ' AND n."retractedAt" IS NULL' : ""}`,
      { folded },
    ),
    keys.length
      ? queryNamed<{ id: string; name: string }>(
          db,
          `SELECT DISTINCT ${owner} AS id, name FROM ${tables.keyTable} WHERE key IN (:...keys) LIMIT ${MAX_CANDIDATES}`,
          { keys },
        )
      : [],
  ]);
  return rankNames(
    name,
    [...exact, ...candidates].map((row) => ({ name: row.name, folded: foldName(row.name), value: row.id })),
    (id) => id,
    limit,
  ).map((match) => ({ id: match.value, name: match.name, score: match.score }));
}

/** The name-key rows of some names (see `nameKeys`), for an importer to store. */
export function nameKeyRows<Owner extends string>(
  owner: Owner,
  names: { id: string; name: string }[],
): ({ [K in Owner]: string } & { name: string; key: string })[] {
  const rows = new Map<string, { [K in Owner]: string } & { name: string; key: string }>();
  for (const { id, name } of names) {
    for (const key of nameKeys(foldName(name)))
      rows.set(`${id}\u0000${name}\u0000${key}`, { [owner]: id, name, key } as { [K in Owner]: string } & { name: string; key: string });
  }
  return [...rows.values()];
}

/**
 * Rebuilds the name keys of some entities from their standing names (their own, if not retracted, and
 * their standing aliases), inside a write's transaction: a retracted name is no longer found, a new
 * one is. `keyEntity` is the subgraph's name-key entity for `tables.keyTable`.
 */
export async function rebuildNameKeys(manager: EntityManager, tables: NameTables, keyEntity: EntityTarget<ObjectLiteral>, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const owner = `"${tables.owner}"`;
  const [deleteSql, deleteValues] = manager.connection.driver.escapeQueryWithParameters(
    `DELETE FROM ${tables.keyTable} WHERE ${owner} IN (:...ids)`,
    { ids },
    {},
  );
  await manager.query(deleteSql, deleteValues);
  const [namesSql, namesValues] = manager.connection.driver.escapeQueryWithParameters(
    `SELECT id, name FROM ${tables.table} WHERE id IN (:...ids) AND "retractedAt" IS NULL
     UNION SELECT n.${owner} AS id, n.name FROM ${tables.aliasTable} n JOIN ${tables.table} e ON e.id = n.${owner}
      WHERE n.${owner} IN (:...ids) AND e."retractedAt" IS NULL${tables.aliasesRetract ? ' AND n."retractedAt" IS NULL' : ""}`,
    { ids },
    {},
  );
  const names = (await manager.query(namesSql, namesValues)) as { id: string; name: string }[];
  const rows = nameKeyRows(tables.owner, names);
  for (let start = 0; start < rows.length; start += 200) await manager.insert(keyEntity, rows.slice(start, start + 200));
}
