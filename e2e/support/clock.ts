import type { Page } from "playwright-core";

/**
 * Simulated days: the app's clock and the browsers' clocks, moved together by the test
 * instead of sleeping. Time only moves forward, as it does for the people in the test.
 */
export class SimulatedClock {
  private at: number;

  constructor(start: number) {
    this.at = start;
  }

  /** The app's clock: pass it to startApp. */
  readonly now = (): number => this.at;

  /** Moves the app to `instant`, and every page with it, so both read the same day. */
  async moveTo(instant: number, pages: readonly Page[]): Promise<void> {
    if (instant < this.at) {
      throw new Error(`The clock only moves forward: ${new Date(instant).toISOString()} is past`);
    }
    this.at = instant;
    for (const page of pages) await page.clock.setFixedTime(instant);
  }
}
