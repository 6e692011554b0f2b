import importPlugin from "eslint-plugin-import";
import tseslint from "typescript-eslint";

const subgraphs = ["incident", "actor", "statement"];

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "data/", "bench/results/", "clients/typescript/generated/", "jest.config.js", "eslint.config.mjs"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    plugins: { import: importPlugin },
    settings: { "import/resolver": { node: { extensions: [".ts", ".js"] } } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unsafe-function-type": "off",
      "import/no-default-export": "error",
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            // A subgraph never imports another: they meet only through federation (@key entities).
            ...subgraphs.flatMap((target) =>
              subgraphs
                .filter((from) => from !== target)
                .map((from) => ({
                  target: `./subgraphs/${target}`,
                  from: `./subgraphs/${from}`,
                  message: "Subgraphs meet only through federation; declare a key-only stub in refs.ts instead.",
                })),
            ),
            // lib is plumbing: it knows no subgraph and no gateway.
            {
              target: "./subgraphs/lib",
              from: [...subgraphs.map((name) => `./subgraphs/${name}`), "./gateway"],
              message: "subgraphs/lib is domain-free plumbing.",
            },
            // The gateway reaches subgraph code only through the registry (subgraphs/index.ts).
            {
              target: "./gateway",
              from: subgraphs.map((name) => `./subgraphs/${name}`),
              message: "The gateway reaches subgraphs only through subgraphs/index.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["test/**/*.ts", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
