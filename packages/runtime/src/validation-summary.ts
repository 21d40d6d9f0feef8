/** A request that failed schema validation, as Fastify's zod type provider reports it. */
export interface ValidationFailure {
  validation: readonly { instancePath: string; message?: string }[];
  validationContext?: string;
}

/**
 * The first problems of a failed request validation as one message a client can act on
 * ("body/email: Invalid email"); the hub and the eID-Server answer it as `invalid-request`.
 */
export function validationSummary(failure: ValidationFailure, limit = 5): string {
  const where = failure.validationContext ?? 'request';
  return failure.validation
    .slice(0, limit)
    .map(
      ({ instancePath, message }) =>
        `${where}${instancePath === '/' ? '' : instancePath}: ${message}`,
    )
    .join('; ');
}
