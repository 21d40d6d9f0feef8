// Runs the named benchmarks (`npm run bench -- eid`), or all of them without a name.
// Each prints human lines and ends with one JSON line `{"bench":"<name>",...}`.

const benches: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  access: () => import('./access.js'),
  eid: () => import('./eid.js'),
  'eid-server': () => import('./eid-server.js'),
  hub: () => import('./hub.js'),
  image: () => import('./image.js'),
  'kiosk-ui': () => import('./kiosk-ui.js'),
  outbox: () => import('./outbox.js'),
  'session-reset': () => import('./session-reset.js'),
};

// `--…` arguments are the benches' own flags (`hub --sustained --minutes=2`).
const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const unknown = requested.filter((name) => !(name in benches));
if (unknown.length > 0) {
  console.error(`bench: unknown ${unknown.join(', ')} (known: ${Object.keys(benches).join(', ')})`);
  process.exit(2);
}
// The image bench builds and boots live images (root, tens of minutes): only when named.
const onlyWhenNamed = new Set(['image']);
const defaults = Object.keys(benches).filter((name) => !onlyWhenNamed.has(name));
for (const name of requested.length > 0 ? requested : defaults) {
  const load = benches[name];
  if (load) await (await load()).run();
}
