import { createHash } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { Kysely, Transaction } from "kysely";
import { uuidv7 } from "uuidv7";
import { z } from "zod";
import type { Actor } from "../auth/rules.ts";
import type { AppContext } from "../context.ts";
import { isUniqueViolation } from "../db/errors.ts";
import type { Database } from "../db/tables.ts";
import { Conflict, Invalid } from "../errors.ts";

/**
 * Money routes take an `Idempotency-Key` header so a retried request (a double click, a
 * flaky connection) never moves money twice: the first answer is stored with the key and
 * answered again for the same request.
 */
export const IDEMPOTENCY_HEADER = "Idempotency-Key";
const MAX_KEY_LENGTH = 200;

type HeaderValue = string | string[] | undefined;

/** Declared on every money route so the OpenAPI document shows the header. */
export const idempotencyHeaders = z.object({
  "idempotency-key": z.string().optional().meta({
    description:
      "Required. A unique value per intended action (a UUID): the same key with the same request answers the first result again without moving money twice; with a different request it is refused (409).",
  }),
});

/** A money request's key and what identifies it, as the services take them. */
export interface IdempotentRequest {
  key: string;
  fingerprint: unknown;
}

export function idempotencyKeyOf(request: { headers: Record<string, HeaderValue> }): string {
  const raw = request.headers[IDEMPOTENCY_HEADER.toLowerCase()];
  const key = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  if (key === "" || key.length > MAX_KEY_LENGTH) {
    throw new Invalid(
      "idempotency.key_required",
      `Send an ${IDEMPOTENCY_HEADER} header (1 to ${MAX_KEY_LENGTH} characters) with this request`,
      {
        [IDEMPOTENCY_HEADER]: `Required: a unique value per intended action, such as a UUID, at most ${MAX_KEY_LENGTH} characters`,
      },
    );
  }
  return key;
}

/** What makes two requests "the same": method, route pattern, path parameters and body. */
export function requestFingerprint(request: FastifyRequest): unknown {
  return {
    method: request.method,
    route: request.routeOptions.url,
    params: request.params ?? null,
    body: request.body ?? null,
  };
}

export function idempotentRequest(request: FastifyRequest): IdempotentRequest {
  return { key: idempotencyKeyOf(request), fingerprint: requestFingerprint(request) };
}

/** JSON with object keys sorted, so the same body always hashes the same. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : item,
  );
}

function hashOf(fingerprint: unknown): string {
  return createHash("sha256").update(canonicalJson(fingerprint)).digest("hex");
}

function keyReused(): Conflict {
  return new Conflict(
    "idempotency.key_reused",
    `This ${IDEMPOTENCY_HEADER} was already used for a different request; send a new key`,
    { [IDEMPOTENCY_HEADER]: "Already used for a different request" },
  );
}

async function storedAnswer<T>(
  db: Kysely<Database>,
  actor: Actor,
  key: string,
  requestHash: string,
): Promise<{ found: false } | { found: true; result: T }> {
  const row = await db
    .selectFrom("idempotency_keys")
    .select(["user_id", "request_hash", "response"])
    .where("workspace_id", "=", actor.workspaceId)
    .where("key", "=", key)
    .executeTakeFirst();
  if (!row) return { found: false };
  if (row.user_id !== actor.userId || row.request_hash !== requestHash) throw keyReused();
  return { found: true, result: JSON.parse(row.response) as T };
}

/**
 * Runs `operation` at most once per key. In one transaction the key is claimed first, the
 * operation runs on that transaction and its JSON result is stored with the key; a domain
 * error rolls the claim back too, so the client may retry with the same key.
 *
 * Concurrent requests with one key: on PostgreSQL the second claim waits for the first
 * transaction and then fails on the unique index, which aborts the second transaction; its
 * stored answer is therefore read after the rollback, outside it. On SQLite the single
 * connection runs one transaction at a time, so the second simply finds the stored answer.
 *
 * The operation must use only the transaction it is given: on SQLite a query on the outer
 * connection would wait for this transaction forever.
 */
export async function withIdempotency<T>(
  ctx: AppContext,
  actor: Actor,
  key: string,
  fingerprint: unknown,
  operation: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  const requestHash = hashOf(fingerprint);
  const earlier = await storedAnswer<T>(ctx.db, actor, key, requestHash);
  if (earlier.found) return earlier.result;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const id = uuidv7();
      await trx
        .insertInto("idempotency_keys")
        .values({
          id,
          workspace_id: actor.workspaceId,
          key,
          user_id: actor.userId,
          request_hash: requestHash,
          status_code: 200,
          response: "null",
          created_at: ctx.now(),
        })
        .execute();
      const result = await operation(trx);
      await trx
        .updateTable("idempotency_keys")
        .set({ response: JSON.stringify(result ?? null) })
        .where("workspace_id", "=", actor.workspaceId)
        .where("id", "=", id)
        .execute();
      return result;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The claim lost a race with the same key, or the operation hit a unique index of its
    // own: only the first has a stored answer to give.
    const raced = await storedAnswer<T>(ctx.db, actor, key, requestHash);
    if (raced.found) return raced.result;
    throw error;
  }
}
