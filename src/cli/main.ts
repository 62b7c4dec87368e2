/**
 * Entry point of the `kam` command (bundled to build/node/kam.js by scripts/build-node.js).
 * `run` is exported for in-process use (tests, other tools); `main` wires it to the process.
 */
import { nodeIo } from "./io";
import { run } from "./run";

export { run, COMMANDS, EXIT_INPUT, EXIT_OK, EXIT_UNEXPECTED } from "./run";
export type { CliIo } from "./io";

export function main(argv: readonly string[] = process.argv.slice(2)): void {
  // `kam abc x.xlsx --json | head` closes the pipe early; that is not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  run(argv, nodeIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`kam: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) main();
