import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../subgraphs/lib/paths";
import { bundleJsonSchema } from "./bundle-schema";
import { generateSchemas } from "./generate";

// `npm run schema`: regenerates the committed schema files (and the dataset bundles' JSON Schema); fails (exit 1) on a composition error.
generateSchemas().then(
  (files) => {
    const dir = join(projectRoot(), "schema");
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    writeFileSync(join(projectRoot(), "dataset", "bundle.schema.json"), bundleJsonSchema());
    console.log(
      `wrote ${Object.keys(files)
        .map((name) => `schema/${name}`)
        .join(", ")}, dataset/bundle.schema.json`,
    );
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
