import { z } from 'zod';
import { LanguageTag, Slug, TargetGroupPreset, TerminalKind } from '@sidbox/protocol';

export const TerminalParams = z.strictObject({ id: z.uuid() });
export const TerminalListQuery = z.strictObject({ organisationId: z.uuid().optional() });

export const CreateTerminalBody = z.strictObject({
  organisationId: z.uuid(),
  name: z.string().trim().min(1).max(120),
  location: z.string().trim().max(200).default(''),
  kind: TerminalKind.default('basic'),
  preset: TargetGroupPreset.default('citizen-office'),
  training: z.boolean().default(false),
  languages: z.array(LanguageTag).min(1).max(20).default(['de', 'en']),
});

export const UpdateTerminalBody = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    location: z.string().trim().max(200),
    kind: TerminalKind,
    training: z.boolean(),
    languages: z.array(LanguageTag).min(1).max(20),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');

export const ServiceSelectionBody = z.strictObject({
  serviceIds: z
    .array(Slug)
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, 'each service at most once'),
});
