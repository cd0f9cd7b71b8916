/** What a command may touch: passed in so commands stay testable. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Colour on: stdout is a TTY and NO_COLOR is unset (https://no-color.org), or FORCE_COLOR is set. */
  color: boolean;
  /** Standard input, read until EOF or `limit` bytes (a larger input is cut there and rejected by the caller). */
  readStdin(limit: number): Promise<Uint8Array>;
  /** Standard input as a stream (batch reads it line by line). */
  stdin(): NodeJS.ReadableStream;
  /** Writes to stdout, waiting while the reader is behind (backpressure). */
  write(text: string): Promise<void>;
  /** A progress bar on stderr: stderr is a TTY. */
  progress: boolean;
  /** stdout is a terminal: a live view may redraw itself there. */
  tty: boolean;
}
