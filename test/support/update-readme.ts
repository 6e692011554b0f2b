import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../subgraphs/lib/paths";
import { README_HEADERS, readmeExamples, readReadme } from "./readme";
import { send, startTestSystem } from "./system";

// `npm run readme`: runs every example query of the README against a freshly seeded system and
// writes its real output under it. test/readme.test.ts fails while they differ.
async function main(): Promise<void> {
  process.env.APOLLO_TELEMETRY_DISABLED = "1";
  const system = await startTestSystem("embedded");
  try {
    let readme = readReadme();
    for (const heading of ["## Example", "## API"]) {
      // Rewrite from the last example backwards so earlier offsets stay valid.
      for (const example of readmeExamples(readme, heading).reverse()) {
        const answer = await send(system.url, JSON.stringify({ query: example.query }), README_HEADERS);
        const output = JSON.stringify(answer.status === 200 ? answer.body : { status: answer.status, ...answer.body }, null, 2);
        readme = readme.slice(0, example.outputStart) + output + "\n" + readme.slice(example.outputEnd);
      }
    }
    writeFileSync(join(projectRoot(), "README.md"), readme);
    console.log("README.md example outputs updated");
  } finally {
    await system.stop();
  }
}

void main();
