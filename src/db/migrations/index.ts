import type { Kysely } from "kysely";
import * as foundation from "./001_foundation.ts";

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/** Forward-only and numbered; append new migrations, never edit an applied one. */
export const migrations: readonly Migration[] = [
  { version: 1, name: "foundation", up: foundation.up },
];
