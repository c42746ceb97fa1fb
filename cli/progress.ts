// A progress bar on stderr for long work; silent when stderr is not a terminal (logs still say what happened).
import cliProgress from "cli-progress";

export interface Progress {
  advance(label: string): void;
  stop(): void;
}

export function progressBar(total: number, title: string): Progress {
  if (!process.stderr.isTTY) return { advance: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `${title} [{bar}] {value}/{total} {label}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: "" });
  return { advance: (label) => bar.increment(1, { label }), stop: () => bar.stop() };
}
