import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestHub, type TestHub } from './helpers/hub.js';

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('sqlite');
});
afterAll(() => hub.close());

// The admin UI takes its response types from @sidbox/protocol; the hub answers with the same
// schemas, so /openapi.json describes every admin answer and a client can be generated from it.
it('describes the answer of every admin route', async () => {
  const openapi = (await (await fetch(`${hub.url}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, Operation>>;
  };
  const admin = Object.entries(openapi.paths).filter(([path]) => path.startsWith('/api/admin/'));
  expect(admin.length).toBeGreaterThan(20);
  const undescribed = admin.flatMap(([path, operations]) =>
    Object.entries(operations).flatMap(([method, operation]) => {
      const success = Object.entries(operation.responses ?? {}).filter(([status]) =>
        status.startsWith('2'),
      );
      const described =
        success.length > 0 &&
        success.every(
          ([status, response]) =>
            status === '204' ||
            Object.values(response.content ?? {}).some((body) => body.schema !== undefined),
        );
      return described ? [] : [`${method.toUpperCase()} ${path}`];
    }),
  );
  expect(undescribed).toEqual([]);
});
