import { defineConfig } from "vitest/config";

/**
 * One run, four projects: pure rules, the HTTP API against SQLite, the same API tests
 * against a real PostgreSQL the tests start themselves, and the browser tests.
 */
export default defineConfig({
  test: {
    reporters: ["default"],
    projects: [
      {
        test: { name: "unit", include: ["test/unit/**/*.test.ts"] },
      },
      {
        test: {
          name: "api-sqlite",
          include: ["test/api/**/*.test.ts"],
          env: { HANDOFF_TEST_DATABASE: "sqlite" },
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "api-postgres",
          include: ["test/api/**/*.test.ts"],
          env: { HANDOFF_TEST_DATABASE: "postgres" },
          globalSetup: ["test/support/postgres-server.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
