import { describe, expect, it } from "vitest";
import { instantAt } from "../../src/time/working-day.ts";
import { clockOf } from "../../src/work/local-time.ts";

describe("the wall-clock time of a due instant", () => {
  it("reads 17:00 on the contractor's clock on both sides of New York's March change", () => {
    expect(clockOf(instantAt("2026-03-06", "17:00", "America/New_York"), "America/New_York")).toBe(
      "17:00",
    );
    expect(clockOf(instantAt("2026-03-09", "17:00", "America/New_York"), "America/New_York")).toBe(
      "17:00",
    );
  });

  it("shows the same instant on the owner's clock in another zone", () => {
    const due = instantAt("2026-03-10", "18:30", "Asia/Kolkata");
    expect(clockOf(due, "Asia/Kolkata")).toBe("18:30");
    expect(clockOf(due, "Pacific/Auckland")).toBe("02:00");
    expect(clockOf(due, "UTC")).toBe("13:00");
  });
});
