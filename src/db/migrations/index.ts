import type { Kysely } from "kysely";
import * as foundation from "./001_foundation.ts";
import * as worth from "./002_worth.ts";
import * as metrics from "./003_metrics.ts";
import * as sops from "./004_sops.ts";
import * as people from "./005_people.ts";
import * as contracts from "./006_contracts.ts";
import * as work from "./007_work.ts";
import * as runReviews from "./008_run_reviews.ts";

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/** Forward-only and numbered; append new migrations, never edit an applied one. */
export const migrations: readonly Migration[] = [
  { version: 1, name: "foundation", up: foundation.up },
  { version: 2, name: "worth", up: worth.up },
  { version: 3, name: "metrics", up: metrics.up },
  { version: 4, name: "sops", up: sops.up },
  { version: 5, name: "people", up: people.up },
  { version: 6, name: "contracts", up: contracts.up },
  { version: 7, name: "work", up: work.up },
  { version: 8, name: "run_reviews", up: runReviews.up },
];
