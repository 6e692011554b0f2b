import { MultiBar } from "cli-progress";

/** Hears an import's progress: input bytes read, and bundles and rows committed. */
export interface ImportProgress {
  read(bytes: number): void;
  bundles(count: number, rows: number): void;
  /** Writes a line to `to`; on the bar's terminal, above the bar, so the two never share a line. */
  log(line: string, to: NodeJS.WriteStream): void;
  stop(): void;
}

function formatRate(perSecond: number): string {
  return perSecond >= 1000 ? `${(perSecond / 1000).toFixed(1)}k` : perSecond.toFixed(0);
}

/**
 * Progress on stderr: a bar (cli-progress) with rate, ETA, bundles and rows when stderr is a
 * terminal; otherwise a plain line every `intervalMs`, so logs stay readable. The ETA comes from the
 * share of the input read so far.
 */
export function createProgress(totalBytes: number, stream: NodeJS.WriteStream = process.stderr, intervalMs = 5000): ImportProgress {
  const started = Date.now();
  let bytes = 0;
  let bundles = 0;
  let rows = 0;
  const rate = () => bundles / Math.max((Date.now() - started) / 1000, 0.001);
  const eta = () => {
    const share = totalBytes > 0 ? Math.min(bytes / totalBytes, 1) : 0;
    if (share <= 0 || bundles === 0) return "?";
    const seconds = ((Date.now() - started) / 1000) * ((1 - share) / share);
    return seconds < 90 ? `${seconds.toFixed(0)}s` : `${(seconds / 60).toFixed(1)}min`;
  };
  if (stream.isTTY) {
    // A MultiBar of one bar: its log() puts lines above the bar (a SingleBar restores the cursor it
    // saved at start when it stops, drawing over whatever was printed since). Rate and ETA come
    // first and the bar is short, so an 80-column terminal (which does not wrap the bar's line) still
    // shows them when the counts grow long.
    const bars = new MultiBar({
      stream,
      format: "import [{bar}] {percentage}% | ETA {etaText} | {rate}/s | {bundles} bundles, {rows} rows",
      barsize: 20,
      hideCursor: true,
      // Redrawn on every tick, not only on change: a line logged above it clears the bar's line.
      forceRedraw: true,
    });
    const bar = bars.create(Math.max(totalBytes, 1), 0, { bundles: 0, rows: 0, rate: "0", etaText: "?" });
    const update = () => bar.update(Math.min(bytes, totalBytes), { bundles, rows, rate: formatRate(rate()), etaText: eta() });
    return {
      read(n) {
        bytes += n;
      },
      bundles(count, written) {
        bundles += count;
        rows += written;
        update();
      },
      log(line, to) {
        if (to.isTTY) bars.log(`${line}\n`);
        else to.write(`${line}\n`);
      },
      stop() {
        update();
        // Writes what is still waiting to be logged, then the final bar.
        bars.update();
        bars.stop();
      },
    };
  }
  const line = () =>
    stream.write(
      `import: ${bundles} bundles, ${rows} rows, ${formatRate(rate())} bundles/s, ${((100 * Math.min(bytes, totalBytes)) / Math.max(totalBytes, 1)).toFixed(0)}% read, ETA ${eta()}\n`,
    );
  const timer = setInterval(line, intervalMs);
  timer.unref();
  return {
    read(n) {
      bytes += n;
    },
    bundles(count, written) {
      bundles += count;
      rows += written;
    },
    log(text, to) {
      to.write(`${text}\n`);
    },
    stop() {
      clearInterval(timer);
      line();
    },
  };
}
