import { expect } from "vitest";
import type { Response } from "light-my-request";

/**
 * Asserts the one error shape every route answers with:
 * `{ error: { code, message, fields? } }`, and optionally that `fields` names a field.
 */
export function expectError(response: Response, status: number, code: string, field?: string) {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json();
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
  if (field !== undefined) expect(body.error.fields, response.body).toHaveProperty([field]);
}
