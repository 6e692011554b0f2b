import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { buildSchema, isScalarType, isSpecifiedScalarType } from "graphql";
import { GENERATED_DIR, OUTPUT_DIR_VARIABLE, SCALARS } from "../clients/typescript/codegen";
import { runExamples } from "../clients/typescript/run";
import { projectRoot } from "../subgraphs/lib/paths";
import { startTestSystem, type TestSystem } from "./support/system";

const root = projectRoot();
const MANIFEST = join(root, GENERATED_DIR, "persisted-documents.json");

describe("the typed client (clients/typescript)", () => {
  it("has the generated files graphql-codegen produces now (run `npm run codegen` after changing the schema or an operation)", () => {
    // The CLI in a child process: its programmatic entry loads yargs as ESM, which jest cannot.
    const cli = join(dirname(require.resolve("@graphql-codegen/cli/package.json")), "cjs/bin.js");
    const fresh = mkdtempSync(join(tmpdir(), "codegen-"));
    try {
      execFileSync(process.execPath, [cli, "--silent", "--config", "clients/typescript/codegen.ts"], {
        cwd: root,
        env: { ...process.env, [OUTPUT_DIR_VARIABLE]: `${fresh}/` },
        stdio: "pipe",
      });
      const committed = join(root, GENERATED_DIR);
      expect(readdirSync(committed).sort()).toEqual(readdirSync(fresh).sort());
      for (const name of readdirSync(fresh))
        expect(`${name}:\n${readFileSync(join(committed, name), "utf8")}`).toBe(`${name}:\n${readFileSync(join(fresh, name), "utf8")}`);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it("maps every custom scalar of schema/api.graphql, so none is typed `unknown`", () => {
    const schema = buildSchema(readFileSync(join(root, "schema/api.graphql"), "utf8"));
    const custom = Object.values(schema.getTypeMap())
      .filter((type) => isScalarType(type) && !isSpecifiedScalarType(type))
      .map((type) => type.name);
    expect(Object.keys(SCALARS).sort()).toEqual(custom.sort());
    const types = readFileSync(join(root, GENERATED_DIR, "graphql.ts"), "utf8");
    expect(types.match(/\w+\??: unknown/g) ?? []).toEqual([]);
    expect(types).toMatch(/startsAt: string/);
    expect(types).toMatch(/saidOn: string/);
  });

  it("type-checks on its own (tsc -p clients/typescript)", () => {
    const tsc = require.resolve("typescript/bin/tsc");
    expect(() => execFileSync(process.execPath, [tsc, "-p", join(root, "clients/typescript")], { stdio: "pipe" })).not.toThrow();
  });

  describe("against a running gateway", () => {
    let system: TestSystem;
    beforeAll(async () => {
      system = await startTestSystem("in-process", { TRUSTED_DOCUMENTS: MANIFEST });
    });
    afterAll(async () => {
      await system?.stop();
    });

    it.each(["text", "documentId", "persistedQuery"] as const)("runs every example operation sent as %s, with typed results", async (sendAs) => {
      const { embassy, syria, claims, stateDepartment } = await runExamples(system.url, sendAs);
      const title: string | undefined = embassy.incident?.title;
      const startsAt: string | undefined = embassy.incident?.startsAt;
      expect({ title, startsAt }).toEqual({ title: "Attack on the US embassy in Baghdad", startsAt: "2023-12-08T01:15:00.000Z" });
      expect(embassy.incident?.statements?.length).toBeGreaterThan(0);
      const countries: (string | null | undefined)[] = syria.incidents.edges.map((edge) => edge.node.place?.country);
      expect(new Set(countries)).toEqual(new Set(["Syria"]));
      expect(claims.resolveActor[0]?.actor.incidents?.totalCount).toBeGreaterThan(0);
      const saidOn: string[] = stateDepartment.statements.edges.map((edge) => edge.node.saidOn);
      for (const day of saidOn) expect(day).toMatch(/^2023-12-\d\d$/);
      expect(saidOn.length).toBeGreaterThan(0);
    });
  });
});
