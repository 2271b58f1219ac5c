/**
 * Domain errors. Services throw these; the HTTP layer maps them to status codes in one
 * place (src/http/errors.ts). `code` is stable and safe to show; `fields` names the inputs
 * that are wrong.
 */
export type FieldProblems = Record<string, string>;

export abstract class DomainError extends Error {
  abstract readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 429;
  constructor(
    readonly code: string,
    message: string,
    readonly fields?: FieldProblems,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class Invalid extends DomainError {
  readonly status = 400;
}

export class Unauthenticated extends DomainError {
  readonly status = 401;
}

export class Forbidden extends DomainError {
  readonly status = 403;
}

export class NotFound extends DomainError {
  readonly status = 404;
}

export class Conflict extends DomainError {
  readonly status = 409;
}

export class RuleViolation extends DomainError {
  readonly status = 422;
}

export class TooManyRequests extends DomainError {
  readonly status = 429;
}
