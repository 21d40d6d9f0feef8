import pg from 'pg';

/** Hot statements by text: sent as named prepared statements, parsed and planned once. */
const names = new Map<string, string>();

/**
 * Registers a statement the hub runs very often (a heartbeat) so that PostgreSQL parses and
 * plans it once per connection instead of every time. Returns the text to run, unchanged.
 */
export function preparedStatement(name: string, text: string): string {
  names.set(text, name);
  return text;
}

/**
 * pg's client, naming the registered statements: Kysely sends `query(text, values)`, and a
 * named query is the only way pg prepares one. Other statements pass through untouched.
 */
export class PreparingClient extends pg.Client {
  override query(...args: unknown[]): never {
    const [text, values, callback] = args;
    const name = typeof text === 'string' ? names.get(text) : undefined;
    const call = super.query as (...a: unknown[]) => never;
    if (name === undefined) return call.apply(this, args);
    return call.call(this, { name, text, values }, callback);
  }
}
