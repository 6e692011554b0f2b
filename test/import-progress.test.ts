import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { writeGeneratedNdjson } from "../bench/ndjson";
import { type CommandRun, runCommand } from "./support/command";

// The import's progress as a user sees it: `node dist/subgraphs/import.js --direct` run under a
// pseudo-terminal (util-linux `script`, 80 columns) draws a bar with rate, ETA and counts that reach
// the input's total, with the committed-batch lines and problems above it, never on its line; with
// no terminal it prints the plain progress line instead.

const ROOT = join(__dirname, "..");
const INCIDENTS = 3000;
const BATCH = 500;
const COLUMNS = 80;
const FIXTURES = join(__dirname, "fixtures", "import");
const ACLED = join(FIXTURES, "acled-sample.csv");
const SIXTH = join(FIXTURES, "src-006.json");

const hasScript = spawnSync("script", ["--version"]).status === 0;
const describeWithScript: (name: string, body: () => void) => void = hasScript
  ? describe
  : (name, body) => {
      console.warn(`SKIPPED: "${name}" needs util-linux's \`script\` to run the import under a pseudo-terminal.`);
      describe.skip(`${name} [skipped: no \`script\` command]`, body);
    };

/** Single-quoted for sh. */
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** Runs `sh -c command` (under `script` when `tty`), in ROOT, with a fresh DATA_DIR and SQLite databases. */
function run(command: string, dataDir: string, tty: boolean): Promise<CommandRun> {
  const [file, args] = tty ? ["script", ["-qfec", `stty cols ${COLUMNS} rows 24; ${command}`, "/dev/null"]] : ["sh", ["-c", command]];
  return runCommand(file, args, {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, INCIDENT_DATABASE_URL: "", ACTOR_DATABASE_URL: "", STATEMENT_DATABASE_URL: "" },
  });
}

/**
 * The lines a terminal `columns` wide shows once `output` is written to it. Models the few controls
 * the import writes (CR, LF, ESC[1G to column 1, ESC[0K and ESC[2K to clear, cursor and wrapping
 * modes); any other escape fails the test, so a change in what is drawn is noticed. Lines are cut at
 * the width: the bar turns wrapping off while it draws.
 */
function screen(output: string, columns: number): string[] {
  const lines = [""];
  let row = 0;
  let column = 0;
  for (const token of output.split(/(\x1b\[[0-9;?]*[A-Za-z]|\x1b[78]|\r|\n)/)) {
    if (token === "" || token === "\x1b[?25l" || token === "\x1b[?25h" || token === "\x1b[?7l" || token === "\x1b[?7h") continue;
    if (token === "\r" || token === "\x1b[1G") column = 0;
    else if (token === "\n") lines[++row] ??= "";
    else if (token === "\x1b[0K") lines[row] = lines[row].slice(0, column);
    else if (token === "\x1b[2K") lines[row] = "";
    else if (token.startsWith("\x1b")) throw new Error(`unexpected control sequence ${JSON.stringify(token)}`);
    else {
      const line = lines[row].padEnd(column);
      lines[row] = line.slice(0, column) + token + line.slice(column + token.length);
      column += token.length;
    }
  }
  return lines.map((line) => line.slice(0, columns)).filter((line, index, all) => line !== "" || index < all.length - 1);
}

/** Every drawing of the bar in the raw output, in order. */
function frames(output: string): { percent: number; eta: string; rate: number; bundles: number; rows: number }[] {
  const drawn = /import \[[=-]+\] (\d+)% \| ETA (\S+) \| ([\d.]+)(k?)\/s \| (\d+) bundles, (\d+) rows\x1b\[0K/g;
  return [...output.matchAll(drawn)].map(([, percent, eta, rate, k, bundles, rows]) => ({
    percent: Number(percent),
    eta,
    rate: Number(rate) * (k ? 1000 : 1),
    bundles: Number(bundles),
    rows: Number(rows),
  }));
}

describeWithScript("import progress on a terminal and off it", () => {
  const dir = mkdtempSync(join(tmpdir(), "import-progress-"));
  const ndjson = join(dir, "generated.ndjson");
  let acledRows = 0;
  let bundles = 0;
  const command = (extra = "", files = [ndjson, ACLED, SIXTH]) =>
    `exec ${quote(process.execPath)} dist/subgraphs/import.js --direct --batch-size ${BATCH} ${files.map(quote).join(" ")}${extra}`;
  /** `import …: imported N bundles …, R rows written`: the summary's counts. */
  const summaryOf = (text: string) => {
    const match = /imported (\d+) bundles in \d+ batches \(0 already committed\), (\d+) rows written, 0 problem/.exec(text);
    if (!match) throw new Error(`no summary in ${JSON.stringify(text)}`);
    return { bundles: Number(match[1]), rows: Number(match[2]) };
  };

  beforeAll(async () => {
    // The ACLED rows (one bundle each) counted with csv-parse, apart from the importer's reading.
    acledRows = (parse(readFileSync(ACLED), { bom: true, skip_empty_lines: true }) as unknown[]).length - 1;
    bundles = (await writeGeneratedNdjson(ndjson, INCIDENTS)) + acledRows + 1;
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`draws a bar with rate and ETA on an ${COLUMNS}-column terminal, counts reaching the total, committed lines above it`, async () => {
    const result = await run(command(), join(dir, "tty"), true);
    expect(result.code).toBe(0);
    const summary = summaryOf(result.stdout);
    expect(summary.bundles).toBe(bundles);

    // Redrawn as the import goes: never backwards, a rate and an ETA while under way, then the whole input.
    const drawn = frames(result.stdout);
    expect(drawn.map((frame) => frame.percent)).toEqual([...drawn.map((frame) => frame.percent)].sort((a, b) => a - b));
    const underWay = drawn.filter((frame) => frame.percent > 0 && frame.percent < 100);
    expect(underWay.length).toBeGreaterThan(0);
    for (const frame of underWay) {
      expect(frame.eta).toMatch(/^\d+(s|\.\dmin)$/);
      expect(frame.rate).toBeGreaterThan(0);
    }
    expect(drawn.at(-1)).toEqual({ percent: 100, eta: "0s", rate: expect.any(Number), bundles, rows: summary.rows });

    // What stays on the screen: the header, one line per committed batch, the final bar (all of it
    // within 80 columns), the summary; nothing drawn over anything else.
    const lines = screen(result.stdout, COLUMNS);
    const batches = Math.ceil(bundles / BATCH);
    expect(lines).toHaveLength(batches + 3);
    expect(lines[0]).toMatch(/^import import-[0-9a-f]+: 3 file\(s\), direct$/);
    for (const line of lines.slice(1, batches + 1)) expect(line).toMatch(/^committed batch \d+: \d+ rows$/);
    expect(lines[batches + 1]).toMatch(new RegExp(`^import \\[=+\\] 100% \\| ETA 0s \\| [\\d.]+k?/s \\| ${bundles} bundles, ${summary.rows} rows$`));
    expect(lines[batches + 2]).toMatch(/^import import-[0-9a-f]+: imported /);
  }, 120_000);

  it("keeps stdout's lines out of the terminal when stdout is redirected, the bar still on stderr's terminal", async () => {
    const out = join(dir, "stdout.txt");
    const result = await run(command(` > ${quote(out)}`), join(dir, "redirected"), true);
    expect(result.code).toBe(0);
    const written = readFileSync(out, "utf8");
    expect(summaryOf(written).bundles).toBe(bundles);
    expect(written.match(/^committed batch \d+: \d+ rows$/gm)).toHaveLength(Math.ceil(bundles / BATCH));
    expect(written).not.toMatch(/\x1b/);
    const lines = screen(result.stdout, COLUMNS);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^import \\[=+\\] 100% \\| ETA 0s \\| [\\d.]+k?/s \\| ${bundles} bundles, \\d+ rows$`))]);
  }, 120_000);

  it("prints the plain progress line without a terminal (an ACLED export and a .json bundle read to the end)", async () => {
    const result = await run(command("", [ACLED, SIXTH]), join(dir, "pipe"), false);
    expect(result.code).toBe(0);
    const summary = summaryOf(result.stdout);
    expect(summary.bundles).toBe(acledRows + 1);
    expect(result.stderr).not.toMatch(/\x1b|import \[/);
    // The last line says the whole input was read and committed (one every 5 s before it on a longer import).
    expect(result.stderr.trimEnd().split("\n").at(-1)).toMatch(
      new RegExp(`^import: ${acledRows + 1} bundles, ${summary.rows} rows, [\\d.]+k? bundles/s, 100% read, ETA 0s$`),
    );
  }, 120_000);
});
