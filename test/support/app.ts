import pino from "pino";
import { buildApp, type App } from "../../src/app.ts";
import type { Config } from "../../src/config.ts";
import { openDatabase } from "../../src/db/database.ts";
import { freshDatabase } from "./database.ts";

/** A clock the test moves by hand, starting at the real time. */
export class TestClock {
  private offset = 0;
  readonly now = () => Date.now() + this.offset;
  advance(ms: number): void {
    this.offset += ms;
  }
}

export interface TestApp extends App {
  clock: TestClock;
  config: Config;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: "127.0.0.1",
    publicUrl: new URL("http://localhost:3000"),
    dataDir: "/nonexistent",
    database: { kind: "sqlite", file: ":memory:" },
    smtpUrl: undefined,
    mailFrom: "Handoff <handoff@test.example>",
    logLevel: "silent",
    trustProxy: false,
    webDist: undefined,
    backgroundWork: false,
    ...overrides,
  };
}

/** Builds the real app on a fresh database of the kind this test project runs against. */
export async function startTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const fresh = await freshDatabase();
  const config = testConfig({ database: fresh.settings, ...overrides });
  const clock = new TestClock();
  const database = openDatabase(config.database);
  const app = await buildApp(config, { database, now: clock.now, log: pino({ level: "silent" }) });
  return {
    ...app,
    clock,
    config,
    async close() {
      await app.close();
      await database.close();
      await fresh.drop();
    },
  };
}
