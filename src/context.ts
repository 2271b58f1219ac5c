import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Config } from "./config.ts";
import type { DatabaseKind } from "./db/database.ts";
import type { Database } from "./db/tables.ts";

/** What every service needs, passed in explicitly so tests can swap the clock. */
export interface AppContext {
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  config: Config;
  log: Logger;
  now: () => number;
  /** Asks the mail dispatcher to look at the outbox now rather than at its next tick. */
  wakeMail: () => void;
}
