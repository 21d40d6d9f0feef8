import { TextScale } from '@sidbox/protocol';
import { z } from 'zod';
import type { KioskBarReport } from './kiosk-browser.js';

const Report = z.discriminatedUnion('action', [
  z.strictObject({ action: z.enum(['home', 'end', 'print', 'back']) }),
  z.strictObject({ action: z.literal('language'), language: z.string().min(1).max(35) }),
  z.strictObject({ action: z.literal('text-size'), scale: TextScale }),
  z.strictObject({
    action: z.literal('scan'),
    scan: z.discriminatedUnion('command', [
      z.strictObject({ command: z.enum(['scan', 'done', 'cancel']) }),
      z.strictObject({ command: z.literal('remove'), page: z.number().int().min(0).max(99) }),
    ]),
  }),
]);

/**
 * A tap the bar reported, checked once more on our side (only the bar's world holds the
 * binding, so this is a second wall): a known action, a language the terminal offers, a text
 * size the kiosk knows. Anything else is null.
 */
export function parseKioskBarReport(
  value: unknown,
  languages: readonly string[],
): KioskBarReport | null {
  const parsed = Report.safeParse(value);
  if (!parsed.success) return null;
  const report = parsed.data;
  if (report.action === 'language' && !languages.includes(report.language)) return null;
  return report;
}
