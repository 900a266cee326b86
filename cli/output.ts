/**
 * Where a command-line tool writes: the process's stdout/stderr when run as a script, a buffer when a test
 * runs the tool in its own process (no child process and no second TypeScript compile per call).
 */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a terminal (bold search hits). */
  readonly outIsTTY: boolean;
  /** Whether stderr is a terminal (progress bars). */
  readonly errIsTTY: boolean;
}

export const processOutput: CliOutput = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  get outIsTTY() {
    return !!process.stdout.isTTY;
  },
  get errIsTTY() {
    return !!process.stderr.isTTY;
  },
};
