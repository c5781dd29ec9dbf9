import type { NodeLogEntry } from '../define-node';

const MAX_LINE_CHARS = 200;

/**
 * Gathers a reply's streamed text into run log lines: one per line of the reply, or per
 * MAX_LINE_CHARS of a long one, so the log gets readable lines rather than a line per token.
 */
export class StreamedTextLog {
  private pending = '';

  constructor(
    private readonly log: (entry: NodeLogEntry) => void,
    /** Tells the lines of one reply from another's (the first reply, a repair). */
    private readonly data: { reply: number },
  ) {}

  write(text: string) {
    this.pending += text;
    for (;;) {
      const newline = this.pending.indexOf('\n');
      if (newline >= 0 && newline <= MAX_LINE_CHARS) {
        this.emit(this.pending.slice(0, newline));
        this.pending = this.pending.slice(newline + 1);
      } else if (this.pending.length >= MAX_LINE_CHARS) {
        this.emit(this.pending.slice(0, MAX_LINE_CHARS));
        this.pending = this.pending.slice(MAX_LINE_CHARS);
      } else {
        return;
      }
    }
  }

  /** Writes what is left of the reply. */
  end() {
    if (this.pending !== '') this.emit(this.pending);
    this.pending = '';
  }

  private emit(line: string) {
    if (line.trim() !== '') this.log({ level: 'INFO', message: line, data: this.data });
  }
}
