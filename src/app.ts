import { randomUUID } from "node:crypto";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import pino, { type Logger } from "pino";
import { accountRoutes } from "./auth/routes.ts";
import { teamRoutes } from "./auth/team-routes.ts";
import type { Config } from "./config.ts";
import type { AppContext } from "./context.ts";
import { openDatabase, type DatabaseHandle } from "./db/database.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { actorPlugin } from "./http/actor.ts";
import { csrfPlugin } from "./http/csrf.ts";
import { registerErrorHandling } from "./http/errors.ts";
import { healthRoutes } from "./http/health.ts";
import { registerOpenApi } from "./http/openapi.ts";
import { registerSecurityHeaders } from "./http/security-headers.ts";
import { registerWebApp } from "./http/web-app.ts";
import { MailDispatcher } from "./notify/dispatcher.ts";
import { SweepScheduler } from "./notify/sweep-scheduler.ts";
import { notifyRoutes } from "./notify/routes.ts";
import { worthRoutes } from "./worth/routes.ts";
import { metricsRoutes } from "./metrics/routes.ts";
import { sopRoutes } from "./sops/routes.ts";
import { hiringRoutes } from "./people/hiring-routes.ts";
import { guardrailRoutes } from "./guardrails/routes.ts";
import { channelAnalyticsRoutes } from "./people/analytics-routes.ts";
import { directoryRoutes } from "./people/routes.ts";
import { ledgerRoutes } from "./ledger/routes.ts";
import * as ledgerSpend from "./ledger/spend-service.ts";
import { deliveryRoutes } from "./contracts/delivery-routes.ts";
import { contractRoutes } from "./contracts/routes.ts";
import { barterRoutes } from "./ledger/barter-routes.ts";
import { timesheetRoutes } from "./contracts/timesheet-routes.ts";
import { retainerRoutes } from "./contracts/retainer-routes.ts";
import { workRoutes } from "./work/routes.ts";
import { performanceRoutes } from "./work/performance-routes.ts";
import { runReviewRoutes } from "./sops/run-review-routes.ts";
import { dashboardRoutes } from "./dashboard/routes.ts";

export interface App {
  server: FastifyInstance;
  ctx: AppContext;
  database: DatabaseHandle;
  mail: MailDispatcher;
  close(): Promise<void>;
}

export interface AppDependencies {
  /** An open database; otherwise one is opened from the config. */
  database?: DatabaseHandle;
  now?: () => number;
  log?: Logger;
}

/** Builds a ready server: database migrated, routes registered, nothing listening yet. */
export async function buildApp(config: Config, deps: AppDependencies = {}): Promise<App> {
  const log = deps.log ?? pino({ level: config.logLevel });
  const database = deps.database ?? openDatabase(config.database);
  await migrateToLatest(database);

  const base = { db: database.db, dbKind: database.kind, config, log, now: deps.now ?? Date.now };
  const mail = new MailDispatcher(base);
  const ctx: AppContext = { ...base, wakeMail: () => mail.wake() };

  const server = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    requestIdHeader: "x-request-id",
    genReqId: () => randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  server.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  registerErrorHandling(server);
  const secure = config.publicUrl.protocol === "https:";
  await registerSecurityHeaders(server, secure);
  await server.register(cookie);
  await server.register(rateLimit, { global: false });
  await server.register(csrfPlugin, { publicUrl: config.publicUrl });
  await server.register(actorPlugin, { ctx });
  await registerOpenApi(server);

  await server.register(healthRoutes(ctx));
  await server.register(accountRoutes(ctx));
  await server.register(teamRoutes(ctx));
  await server.register(notifyRoutes(ctx));
  await server.register(worthRoutes(ctx));
  await server.register(metricsRoutes(ctx, ledgerSpend.monthlySpend));
  await server.register(sopRoutes(ctx));
  await server.register(hiringRoutes(ctx));
  await server.register(guardrailRoutes(ctx));
  await server.register(channelAnalyticsRoutes(ctx, ledgerSpend.paymentsToPeople));
  await server.register(directoryRoutes(ctx));
  await server.register(ledgerRoutes(ctx));
  await server.register(deliveryRoutes(ctx));
  await server.register(contractRoutes(ctx));
  await server.register(barterRoutes(ctx));
  await server.register(timesheetRoutes(ctx));
  await server.register(retainerRoutes(ctx));
  await server.register(workRoutes(ctx));
  await server.register(performanceRoutes(ctx));
  await server.register(runReviewRoutes(ctx));
  await server.register(dashboardRoutes(ctx));
  if (config.webDist) await registerWebApp(server, config.webDist);

  await server.ready();
  // Every minute, once the app can serve; each process may sweep, the database keeps it once.
  const scheduler = new SweepScheduler(ctx);
  if (config.backgroundWork) {
    mail.start();
    scheduler.start();
  }

  return {
    server,
    ctx,
    database,
    mail,
    async close() {
      await scheduler.stop();
      await mail.stop();
      await server.close();
      if (!deps.database) await database.close();
    },
  };
}
