import { defineConfig } from "vitest/config";

/**
 * One run, five projects: pure rules, the HTTP API against SQLite, the same API tests
 * against a real PostgreSQL the tests start themselves, the few API tests that replace a
 * module, and the browser tests.
 *
 * Test files share each worker's module cache (`isolate: false`), which saves minutes of
 * loading the app once per file. That is sound because every file builds its own app and
 * database and the only module state is caches of pure answers. A test that replaces a
 * module (`vi.mock`) needs a cache of its own, so it is named `*.isolated.test.ts` and runs
 * in its own project; what it checks does not depend on the database.
 */
const isolatedTests = "test/api/**/*.isolated.test.ts";
export default defineConfig({
  test: {
    reporters: ["default"],
    projects: [
      {
        test: { name: "unit", include: ["test/unit/**/*.test.ts"], isolate: false },
      },
      {
        test: {
          name: "api-sqlite",
          include: ["test/api/**/*.test.ts"],
          exclude: [isolatedTests],
          env: { HANDOFF_TEST_DATABASE: "sqlite" },
          isolate: false,
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "api-postgres",
          include: ["test/api/**/*.test.ts"],
          exclude: [isolatedTests],
          env: { HANDOFF_TEST_DATABASE: "postgres" },
          isolate: false,
          globalSetup: ["test/support/postgres-server.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "api-isolated",
          include: [isolatedTests],
          env: { HANDOFF_TEST_DATABASE: "sqlite" },
          testTimeout: 20_000,
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
