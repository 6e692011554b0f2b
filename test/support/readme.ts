import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../subgraphs/lib/paths";

/** A ```graphql block of README.md and the ```json block that follows it (its documented output). */
export interface ReadmeExample {
  title: string;
  query: string;
  output: string;
  /** Offsets of the JSON block's content in the README, for rewriting it. */
  outputStart: number;
  outputEnd: number;
}

/** Headers of the README's example requests: a fixed request id keeps their outputs reproducible. */
export const README_HEADERS = { "content-type": "application/json", "x-request-id": "readme-example" };

/** The README's text. */
export function readReadme(): string {
  return readFileSync(join(projectRoot(), "README.md"), "utf8");
}

/**
 * Every query-and-output pair in the README section that starts with `heading` (up to the next
 * heading of the same level): each ```graphql block paired with the code block right after it when
 * that one is ```json. An example's title is the last heading above its query.
 */
export function readmeExamples(readme: string, heading: string): ReadmeExample[] {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README.md has no "${heading}" section`);
  const level = heading.split(" ")[0] ?? "##";
  const next = readme.indexOf(`\n${level} `, start + heading.length + 2);
  const section = { start, end: next < 0 ? readme.length : next };
  const blocks = [...readme.slice(section.start, section.end).matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((match) => ({
    lang: match[1],
    content: match[2] ?? "",
    contentStart: section.start + (match.index ?? 0) + 4 + (match[1] ?? "").length,
  }));
  const examples: ReadmeExample[] = [];
  blocks.forEach((block, index) => {
    const output = blocks[index + 1];
    if (block.lang !== "graphql" || output?.lang !== "json") return;
    const headings = [...readme.slice(section.start, block.contentStart).matchAll(/\n(#+ [^\n]+)/g)];
    examples.push({
      title: headings[headings.length - 1]?.[1] ?? heading,
      query: block.content,
      output: output.content,
      outputStart: output.contentStart,
      outputEnd: output.contentStart + output.content.length,
    });
  });
  return examples;
}
