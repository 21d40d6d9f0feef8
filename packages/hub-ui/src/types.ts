/** What the admin API answers, as far as the UI reads it. */
export type Role = 'association-admin' | 'member-admin' | 'member-viewer';

export interface User {
  id: string;
  organisationId: string;
  email: string;
  role: Role;
}

export const membershipStatuses = ['prospective', 'active', 'suspended', 'ended'] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];

export interface Organisation {
  id: string;
  slug: string;
  name: string;
  kind: 'association' | 'member';
  membershipStatus: MembershipStatus;
  yearlyFeeCents: number;
}

export interface Terminal {
  id: string;
  organisationId: string;
  name: string;
  location: string;
  kind: 'basic' | 'comfort';
  preset: string;
  training: boolean;
  revoked: boolean;
  online: boolean;
  lastSeenAt: string | null;
  lastHeartbeat: {
    configVersion?: number;
    softwareVersion?: string;
    ausweisAppVersion?: string;
    readerAttached?: boolean;
    blockedNavigations?: number;
    browserPolicyEnforced?: boolean;
  } | null;
}

export interface Service {
  id: string;
  title: Record<string, string>;
  description: Record<string, string>;
  category: string;
  startUrl: string;
  eid: boolean;
  scope: 'national' | 'local';
  organisationId: string | null;
}

export interface Statistics {
  sessionsPerDay: { day: string; sessions: number }[];
  sessions: number;
  pinChanges: number;
  eidOutcomes: { workflow: string; code: string; count: number }[];
  topServices: { serviceId: string; opened: number }[];
  averageSessionSeconds: number | null;
  /** PIN activations / resets at the counter; null for one terminal or training data. */
  counterCases: number | null;
  /** Terminal PIN changes ÷ (those + counter cases), 0…1; null when there is nothing to compare. */
  onlineShare: number | null;
}

export interface CounterCases {
  organisationId: string;
  month: string;
  cases: number;
}

export interface SurveyResults {
  responses: number;
  statements: { id: string; counts: Record<string, number> }[];
}
