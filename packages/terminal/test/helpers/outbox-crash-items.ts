import { createHash } from 'node:crypto';
import type { SurveyAnswer, SurveyStatementId } from '@sidbox/protocol';
import type { OutboxItem } from '../../src/hub-sync/outbox.js';

// Spelled out rather than imported: the crash child stays free of zod and starts faster.
const statements: readonly SurveyStatementId[] = [
  'informative',
  'shows-uses',
  'faster',
  'permanent-terminal',
  'frees-staff',
  'security-concerns',
];

/** A small seeded random source (mulberry32), so that a failing crash run can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The `index`-th item the crash child of run `seed`, lifetime `life`, appends: the same on both
 * sides, so the test knows every record that could exist and what it must contain. Every third
 * is a survey response with a comment of up to 1 000 characters, so that group commits span
 * several pages and a kill can cut one short.
 */
export function crashItem(seed: number, life: number, index: number): OutboxItem {
  const digest = createHash('sha256').update(`${seed}/${life}/${index}`).digest();
  const id = uuidOf(digest);
  const terminalTime = new Date(Date.UTC(2026, 0, 1) + index * 1_000).toISOString();
  if (index % 3 !== 0) {
    return {
      id,
      kind: 'telemetry',
      event: { type: 'session-started', id, terminalTime, training: false },
    };
  }
  const answers = ['agree', 'partly', 'fully-agree'] as const satisfies readonly SurveyAnswer[];
  return {
    id,
    kind: 'survey',
    response: {
      id,
      terminalTime,
      training: false,
      answers: Object.fromEntries(
        statements.map((statement, i) => [statement, answers[(digest[i] ?? 0) % 3]]),
      ) as Extract<OutboxItem, { kind: 'survey' }>['response']['answers'],
      comment:
        `Rückmeldung ${index}: ${'Sehr hilfreich, danke. '.repeat(((digest[8] ?? 0) % 42) + 1)}`.trim(),
    },
  };
}

function uuidOf(digest: Buffer): string {
  const bytes = Buffer.from(digest.subarray(0, 16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
