/**
 * Everything the CLI touches outside its arguments, injectable so tests run it in-process and
 * read what it printed.
 */
export interface CliIo {
  /** Results: summaries, JSON. */
  stdout(text: string): void;
  /** Diagnostics: columns used, warnings, errors, progress. */
  stderr(text: string): void;
  /** Progress is drawn only on a terminal. */
  readonly stderrIsTTY: boolean;
  readonly stderrColumns?: number;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative paths are resolved against this folder. */
  readonly cwd: string;
  /** Review date for credit and cards when none is given ("today"). */
  readonly now?: () => Date;
}

export function nodeIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTTY: process.stderr.isTTY === true,
    stderrColumns: process.stderr.columns,
    env: process.env,
    cwd: process.cwd(),
  };
}
