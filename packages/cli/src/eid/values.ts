import { Secret } from '@sidbox/runtime';
import { UsageError } from '../usage-error.js';

interface DigitRule {
  flag: string;
  min: number;
  max: number;
}

export const digitRules = {
  authPin: { flag: '--pin', min: 6, max: 6 },
  changePin: { flag: '--pin', min: 5, max: 6 },
  newPin: { flag: '--new-pin', min: 6, max: 6 },
  can: { flag: '--can', min: 6, max: 6 },
  puk: { flag: '--puk', min: 10, max: 10 },
} satisfies Record<string, DigitRule>;

/** Wraps a flag's digits in a Secret. The error names the flag and the rule, never the value. */
export function secretFlag(value: string | undefined, rule: DigitRule): Secret | undefined {
  if (value === undefined) return undefined;
  const ok = /^[0-9]+$/.test(value) && value.length >= rule.min && value.length <= rule.max;
  if (!ok) {
    const digits = rule.min === rule.max ? `${rule.min}` : `${rule.min} or ${rule.max}`;
    throw new UsageError(`${rule.flag} must be ${digits} digits`);
  }
  return Secret.digits(value);
}
