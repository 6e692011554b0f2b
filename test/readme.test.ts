import { readmeExamples, readReadme } from "./support/readme";
import { README_HEADERS } from "./support/readme";
import { send, startTestSystem, type TestSystem } from "./support/system";

// The README's API examples show real output: each query runs here and must answer exactly what the
// README shows (`npm run readme` rewrites the outputs after an intended change).
const examples = readmeExamples(readReadme(), "## API");

describe("README API examples (SQLite: scores and snippets are SQLite's)", () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem("embedded");
  });
  afterAll(async () => {
    await system?.stop();
  });

  it("has examples", () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it.each(examples.map((example) => [example.title, example] as const))("%s", async (_title, example) => {
    const answer = await send(system.url, JSON.stringify({ query: example.query }), README_HEADERS);
    const shown = answer.status === 200 ? answer.body : { status: answer.status, ...answer.body };
    expect(shown).toEqual(JSON.parse(example.output));
  });
});
