/**
 * Debounced saving that never drops text: the newest value is kept until the server has it, a
 * failed save is retried with growing pauses, and every value is mirrored to a local backup that
 * is cleared only once that exact value is saved. Pure logic, so it is tested without a browser.
 */

export type AutosaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "retrying"; message: string; attempt: number }
  /** The server refused for good (e.g. the note was signed elsewhere); the text stays in the backup. */
  | { kind: "refused"; message: string };

export interface AutosaveBackup<T> {
  write(value: T): void;
  clear(): void;
}

export interface AutosaveOptions<T> {
  save: (value: T) => Promise<void>;
  onState: (state: AutosaveState) => void;
  /** True for failures a retry cannot fix (404, 409, 422). */
  isPermanent?: (error: unknown) => boolean;
  backup?: AutosaveBackup<T>;
  debounceMs?: number;
  retryDelaysMs?: readonly number[];
  now?: () => Date;
}

export const AUTOSAVE_DEBOUNCE_MS = 1_000;
export const AUTOSAVE_RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 30_000] as const;

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : "The note could not be saved";
}

export class AutosaveQueue<T> {
  private pending: { value: T } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  private stopped = false;

  constructor(private readonly options: AutosaveOptions<T>) {}

  /** A new value from the editor: backed up at once, saved after a pause in typing. */
  update(value: T): void {
    // Backed up even after a refusal: the practitioner can still copy their words out.
    this.options.backup?.write(value);
    if (this.stopped) return;
    this.pending = { value };
    this.failures = 0;
    this.options.onState({ kind: "pending" });
    this.schedule(this.options.debounceMs ?? AUTOSAVE_DEBOUNCE_MS);
  }

  /** Saves whatever is waiting now (before signing, or when leaving); rejects if that save fails. */
  async flush(): Promise<void> {
    this.clearTimer();
    if (this.inFlight) await this.inFlight.catch(() => undefined);
    if (this.pending) await this.run({ rethrow: true });
  }

  /** The connection is back: retry a failed save now instead of waiting out the pause. */
  retryNow(): void {
    if (this.stopped || !this.pending || this.inFlight || this.failures === 0) return;
    this.clearTimer();
    void this.run({ rethrow: false });
  }

  hasUnsaved(): boolean {
    return this.pending !== null;
  }

  dispose(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private schedule(delay: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run({ rethrow: false });
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async run({ rethrow }: { rethrow: boolean }): Promise<void> {
    if (this.inFlight) {
      // One save at a time; the value that arrived meanwhile goes right after.
      await this.inFlight.catch(() => undefined);
      if (!this.pending || this.stopped) return;
    }
    const sending = this.pending;
    if (!sending) return;
    this.options.onState({ kind: "saving" });
    const attempt = this.options.save(sending.value);
    this.inFlight = attempt;
    try {
      await attempt;
      this.failures = 0;
      // Only the exact value sent counts as saved; a newer one keeps waiting (and stays backed up).
      if (this.pending === sending) {
        this.pending = null;
        this.options.backup?.clear();
        this.options.onState({ kind: "saved", at: (this.options.now ?? (() => new Date()))() });
      } else if (!this.timer) {
        this.schedule(this.options.debounceMs ?? AUTOSAVE_DEBOUNCE_MS);
      }
    } catch (error) {
      this.onFailure(error);
      if (rethrow) throw error;
    } finally {
      this.inFlight = null;
    }
  }

  private onFailure(error: unknown): void {
    if (this.options.isPermanent?.(error)) {
      this.stopped = true;
      this.clearTimer();
      this.options.onState({ kind: "refused", message: messageOf(error) });
      return;
    }
    const delays = this.options.retryDelaysMs ?? AUTOSAVE_RETRY_DELAYS_MS;
    const delay = delays[Math.min(this.failures, delays.length - 1)] ?? AUTOSAVE_DEBOUNCE_MS;
    this.failures += 1;
    this.options.onState({ kind: "retrying", message: messageOf(error), attempt: this.failures });
    if (!this.timer) this.schedule(delay);
  }
}
