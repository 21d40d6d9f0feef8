// The schemas of @sidbox/protocol come along into the bundle, and zod probes `new Function` once
// to decide whether to compile its parsers. The hub's CSP forbids eval, so Chromium reports that
// probe as a violation on the console. The UI parses nothing with zod, so it runs it jitless; zod
// reads this global config when it loads, which is why this module is imported first.
(globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig = {
  jitless: true,
};
