import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { latestVersion } from "../../src/db/migrate.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { testDatabaseKind } from "../support/database.ts";

describe("GET /api/health", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it("reports the database kind and the migrated schema version", async () => {
    const response = await app.server.inject({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: "ok",
      database: testDatabaseKind(),
      schemaVersion: latestVersion,
      latestSchemaVersion: latestVersion,
    });
    expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers unknown API routes with the error shape", async () => {
    const response = await app.server.inject({ method: "GET", url: "/api/nope" });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("not_found");
  });
});
