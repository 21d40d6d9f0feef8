import { z } from 'zod';

/** Success without a body (204); OpenAPI shows it without content. */
export const NoContent = z.undefined().describe('No content');

/** What every failed request answers; `code` is stable, `message` is for people. */
export const ErrorResponse = z.strictObject({
  error: z.strictObject({ code: z.string(), message: z.string() }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;
