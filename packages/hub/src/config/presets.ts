import type { ServiceCategory, TargetGroupPreset } from '@sidbox/protocol';

interface Preset {
  /** National catalogue categories selected when the terminal is created. */
  categories: readonly ServiceCategory[];
  idleSeconds: number;
}

/** What each target group starts with. */
export const presets: Record<TargetGroupPreset, Preset> = {
  'citizen-office': {
    categories: ['eid', 'residence', 'certificates', 'vehicle', 'pension-tax'],
    idleSeconds: 180,
  },
  'car-dealer': { categories: ['eid', 'vehicle'], idleSeconds: 240 },
  hotel: { categories: ['eid', 'residence'], idleSeconds: 120 },
  university: { categories: ['eid', 'education', 'certificates'], idleSeconds: 180 },
  doctor: { categories: ['eid'], idleSeconds: 120 },
  'law-firm': { categories: ['eid', 'business'], idleSeconds: 180 },
  'financial-advisor': { categories: ['eid', 'pension-tax'], idleSeconds: 240 },
  club: { categories: ['eid'], idleSeconds: 180 },
};
