import nodemailer, { type Transporter } from "nodemailer";
import type { AppContext } from "../context.ts";
import { deliveryPolicy, hasAttemptsLeft, retryDelay } from "./rules.ts";
import { claimDueMessages, recordAttempt, type OutboxRow } from "./store.ts";

const BATCH = 20;
const TICK_MS = 15_000;

/** Sends pending outbox mail over SMTP, retrying with backoff; safe to run in several processes. */
export class MailDispatcher {
  private transport: Transporter | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(private readonly ctx: Omit<AppContext, "wakeMail">) {
    if (ctx.config.smtpUrl) this.transport = nodemailer.createTransport(ctx.config.smtpUrl);
  }

  start(): void {
    if (!this.transport || this.timer) return;
    this.timer = setInterval(() => this.wake(), TICK_MS);
    this.timer.unref();
    this.wake();
  }

  /** Runs a dispatch soon; calls that arrive during a run cause one more run after it. */
  wake(): void {
    if (!this.transport) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.dispatchDue()
      .then(() => undefined)
      .catch((error: unknown) => this.ctx.log.error({ err: error }, "mail dispatch failed"))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Waits for the dispatch in progress, if any; tests and shutdown use it. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.idle();
    this.transport?.close();
  }

  async dispatchDue(): Promise<number> {
    const transport = this.transport;
    if (!transport) return 0;
    const now = this.ctx.now();
    const due = await claimDueMessages(
      this.ctx.db,
      this.ctx.dbKind,
      now,
      now + deliveryPolicy.claimLeaseMs,
      BATCH,
    );
    for (const message of due) await this.send(transport, message);
    return due.length;
  }

  private async send(transport: Transporter, message: OutboxRow): Promise<void> {
    const attempts = message.attempts + 1;
    try {
      await transport.sendMail({
        from: this.ctx.config.mailFrom,
        to: message.to_address,
        subject: message.subject,
        text: message.body_text,
      });
      await recordAttempt(this.ctx.db, message, {
        status: "sent",
        attempts,
        sent_at: this.ctx.now(),
        last_error: null,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.ctx.log.warn({ outboxId: message.id, attempts, reason }, "mail not sent");
      await recordAttempt(this.ctx.db, message, {
        status: hasAttemptsLeft(attempts) ? "pending" : "failed",
        attempts,
        last_error: reason.slice(0, 500),
        next_attempt_at: this.ctx.now() + retryDelay(attempts),
      });
    }
  }
}
