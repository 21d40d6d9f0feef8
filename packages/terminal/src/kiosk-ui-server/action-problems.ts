import type { z } from 'zod';

/**
 * What was wrong with a kiosk action, by field: "answers.faster: Invalid option …". Zod's
 * messages name fields and expectations, never the values sent (a PIN stays out of replies).
 */
export function describeActionProblems(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'action'}: ${issue.message}`)
    .join('; ');
}
