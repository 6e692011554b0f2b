import { SingleBar } from "cli-progress";

/** Hears an import's progress: input bytes read, and bundles and rows committed. */
export interface ImportProgress {
  read(bytes: number): void;
  bundles(count: number, rows: number): void;
  stop(): void;
}

function formatRate(perSecond: number): string {
  return perSecond >= 1000 ? `${(perSecond / 1000).toFixed(1)}k` : perSecond.toFixed(0);
}

/**
 * Progress on stderr: a bar (cli-progress) with bundles, rows, rate and ETA when stderr is a
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
    const share = totalBytes > 0 ? bytes / totalBytes : 0;
    if (share <= 0 || bundles === 0) return "?";
    const seconds = ((Date.now() - started) / 1000) * ((1 - share) / share);
    return seconds < 90 ? `${seconds.toFixed(0)}s` : `${(seconds / 60).toFixed(1)}min`;
  };
  if (stream.isTTY) {
    const bar = new SingleBar({
      stream,
      format: "import [{bar}] {percentage}% | {bundles} bundles, {rows} rows | {rate}/s | ETA {etaText}",
      hideCursor: true,
    });
    bar.start(Math.max(totalBytes, 1), 0, { bundles: 0, rows: 0, rate: "0", etaText: "?" });
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
      stop() {
        update();
        bar.stop();
      },
    };
  }
  const line = () =>
    stream.write(
      `import: ${bundles} bundles, ${rows} rows, ${formatRate(rate())} bundles/s, ${((100 * bytes) / Math.max(totalBytes, 1)).toFixed(0)}% read, ETA ${eta()}\n`,
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
    stop() {
      clearInterval(timer);
      line();
    },
  };
}
