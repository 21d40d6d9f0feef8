import type { TypedEvents } from '@sidbox/runtime';

/** Resolves with the next `event` payload (that `matches`): tests wait on events, never on sleeps. */
export function nextEvent<Events extends object, E extends keyof Events>(
  emitter: TypedEvents<Events>,
  event: E,
  matches: (payload: Events[E]) => boolean = () => true,
): Promise<Events[E]> {
  return new Promise((resolve) => {
    const off = emitter.on(event, (payload) => {
      if (!matches(payload)) return;
      off();
      resolve(payload);
    });
  });
}

/** Records every named event in order, for asserting that nothing extra happened. */
export function recordEvents<Events extends object>(
  emitter: TypedEvents<Events>,
  events: (keyof Events)[],
): (keyof Events)[] {
  const log: (keyof Events)[] = [];
  for (const event of events) emitter.on(event, () => log.push(event));
  return log;
}
