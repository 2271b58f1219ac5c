import type { AppContext } from "../context.ts";
import { sweep } from "./sweep-service.ts";

const TICK_MS = 60_000;

/** Runs the notification sweep every minute while the app runs; one sweep at a time. */
export class SweepScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly ctx: AppContext) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
    this.tick();
  }

  private tick(): void {
    // A sweep that outlasts the minute is not doubled up; the next tick catches up.
    if (this.running) return;
    this.running = sweep(this.ctx)
      .then(() => undefined)
      .catch((error: unknown) => this.ctx.log.error({ err: error }, "notification sweep failed"))
      .finally(() => {
        this.running = undefined;
      });
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
