import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.ts";

function directives(csp: unknown): string[] {
  expect(typeof csp).toBe("string");
  return (csp as string).split(";").map((part) => part.trim());
}

describe("security headers over http", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it.each([
    ["GET", "/api/health"],
    ["GET", "/api/nope"],
    ["GET", "/api/me"],
    ["POST", "/api/auth/sign-in"],
  ] as const)(
    "%s %s carries a strict content security policy and nosniff, error or not",
    async (method, url) => {
      const response = await app.server.inject({ method, url });
      const csp = directives(response.headers["content-security-policy"]);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
    },
  );

  it("does not demand https when served over http", async () => {
    const response = await app.server.inject({ method: "GET", url: "/api/health" });
    expect(response.headers["strict-transport-security"]).toBeUndefined();
    expect(directives(response.headers["content-security-policy"])).not.toContain(
      "upgrade-insecure-requests",
    );
  });
});

describe("security headers when the public address is https", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ publicUrl: new URL("https://handoff.example") });
  });
  afterAll(() => app.close());

  it("asks browsers to stay on https", async () => {
    const response = await app.server.inject({ method: "GET", url: "/api/health" });
    expect(response.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(directives(response.headers["content-security-policy"])).toContain(
      "upgrade-insecure-requests",
    );
  });
});
