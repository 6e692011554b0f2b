import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../subgraphs/lib/paths";
import { generateSchemas } from "./generate";

// `npm run schema`: regenerates the committed schema files; fails (exit 1) on a composition error.
generateSchemas().then(
  (files) => {
    const dir = join(projectRoot(), "schema");
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    console.log(
      `wrote ${Object.keys(files)
        .map((name) => `schema/${name}`)
        .join(", ")}`,
    );
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
