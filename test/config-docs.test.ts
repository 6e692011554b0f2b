import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CONFIG_VARIABLES } from "../subgraphs/lib/config";
import { projectRoot } from "../subgraphs/lib/paths";

// Every setting the processes read is documented where an operator looks: .env.example (with its
// default) and the README. A variable added to the configuration without them fails here.
describe("configuration documentation", () => {
  const envExample = readFileSync(join(projectRoot(), ".env.example"), "utf8");
  const readme = readFileSync(join(projectRoot(), "README.md"), "utf8");

  it.each(CONFIG_VARIABLES)("%s is in .env.example and the README", (name) => {
    expect(envExample).toMatch(new RegExp(`^#?\\s*${name}=`, "m"));
    expect(readme).toMatch(new RegExp("`" + name + "[`=]"));
  });
});
