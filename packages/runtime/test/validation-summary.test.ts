import { expect, it } from 'vitest';
import { validationSummary } from '../src/validation-summary.js';

it('names where each of the first problems is, and at most five', () => {
  const validation = Array.from({ length: 7 }, (_, i) => ({
    instancePath: i === 0 ? '/' : `/items/${i}`,
    message: `problem ${i}`,
  }));
  expect(validationSummary({ validation, validationContext: 'body' })).toBe(
    'body: problem 0; body/items/1: problem 1; body/items/2: problem 2; body/items/3: problem 3; body/items/4: problem 4',
  );
  expect(validationSummary({ validation: validation.slice(1, 2) })).toBe(
    'request/items/1: problem 1',
  );
});
