import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { generateData, generatedBundles } from "./generate";

/** Incidents generated at a time: keeps memory flat however many are written. */
const SLICE = 10_000;

/**
 * Writes `count` generated incidents (with their actors, places, statements and figures) to `file` as
 * `.ndjson`, one bundle per line, generated in slices so memory stays flat. Returns the lines written.
 */
export async function writeGeneratedNdjson(file: string, count: number): Promise<number> {
  const out = createWriteStream(file);
  let lines = 0;
  for (let offset = 0; offset < count; offset += SLICE) {
    const data = generateData(Math.min(SLICE, count - offset), offset, count);
    let chunk = "";
    for (const bundle of generatedBundles(data)) {
      chunk += `${JSON.stringify(bundle)}\n`;
      lines += 1;
    }
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return lines;
}
