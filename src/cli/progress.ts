/**
 * Progress on stderr for big inputs. Shown only on a terminal (a pipe or a log file gets no
 * carriage-return noise) and only once the input passes `threshold` rows, so the everyday
 * few-thousand-row run prints nothing extra. Redraws are throttled: reading a million rows must
 * not spend its time writing to the terminal.
 */
import type { Lang, Msg } from "../domain/errors";

export interface ProgressSink {
  write(text: string): void;
  readonly isTTY: boolean;
  readonly columns?: number;
}

export const PROGRESS_THRESHOLD = 50_000;

/** Terminal columns a text takes: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}
const REDRAW_MS = 100;

export class Progress {
  private active = false;
  private label: Msg = { en: "", zh: "" };
  private lastDraw = 0;
  private lastLength = 0;
  private big = false;

  constructor(
    private readonly sink: ProgressSink,
    private readonly lang: Lang,
    private readonly now: () => number = Date.now,
    private readonly threshold = PROGRESS_THRESHOLD,
  ) {}

  /** Whether anything will ever be drawn (a terminal). */
  get enabled(): boolean {
    return this.sink.isTTY;
  }

  /** Tell the bar how big the input is; below the threshold nothing is drawn. */
  size(rows: number): void {
    if (rows > this.threshold) this.big = true;
  }

  /** Rows read so far (and the total when the reader knows it). */
  reading(label: Msg, done: number, total?: number): void {
    if (!this.enabled) return;
    if (done > this.threshold || (total !== undefined && total > this.threshold)) this.big = true;
    if (!this.big) return;
    const t = this.now();
    if (this.active && t - this.lastDraw < REDRAW_MS && (total === undefined || done < total)) return;
    this.label = label;
    this.draw(total !== undefined && total > 0 ? Math.min(1, done / total) : undefined, done, total);
  }

  /** A new stage (building the report, writing the file); shown once the input counts as big. */
  stage(label: Msg): void {
    if (!this.enabled || !this.big) return;
    this.label = label;
    this.draw(undefined);
  }

  /** Clear the line so the next message starts clean. */
  done(): void {
    if (!this.active) return;
    this.sink.write(`\r${" ".repeat(this.lastLength)}\r`);
    this.active = false;
    this.lastLength = 0;
  }

  private draw(fraction: number | undefined, done?: number, total?: number): void {
    this.lastDraw = this.now();
    const width = Math.max(10, Math.min(30, (this.sink.columns ?? 80) - 50));
    let line = this.label[this.lang];
    if (fraction !== undefined) {
      const filled = Math.round(fraction * width);
      line += ` [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.floor(fraction * 100)}%`;
    }
    if (done !== undefined) line += ` ${done.toLocaleString("en-US")}${total !== undefined ? ` / ${total.toLocaleString("en-US")}` : ""}`;
    const w = displayWidth(line);
    this.sink.write(`\r${line}${" ".repeat(Math.max(0, this.lastLength - w))}`);
    this.lastLength = w;
    this.active = true;
  }
}
