// A fleet of terminals for the hub bench: copies of the demo's training terminal, each with its
// own Ed25519 key, written straight into the bench's database (the admin API rate-limits
// enrollment, rightly), and a cheap token minter for them.
import {
  createPrivateKey,
  generateKeyPairSync,
  randomUUID,
  sign,
  type KeyObject,
} from 'node:crypto';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { TerminalCredential } from '@sidbox/protocol';
import type { Storage } from './hub-load.js';

export interface FleetTerminal {
  id: string;
  key: KeyObject;
}

const columns = `organisation_id, location, kind, preset, training, languages, created_at`;
const templateColumns = columns
  .split(', ')
  .map((column) => `t.${column}`)
  .join(', ');

/** Adds `count` terminals like `template` (same member and settings), each with a new key. */
export async function addFleet(
  storage: Storage,
  template: TerminalCredential,
  count: number,
): Promise<FleetTerminal[]> {
  const fleet = Array.from({ length: count }, (_, i) => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const x = (publicKey.export({ format: 'jwk' }) as { x: string }).x;
    return { id: randomUUID(), key: privateKey, x, name: `Bench ${i}` };
  });
  if ('dataDir' in storage) {
    const db = new SqliteDatabase(join(storage.dataDir, 'hub.sqlite'));
    const statement = db.prepare(
      `insert into terminals (id, name, public_key_x, ${columns})
       select ?, ?, ?, ${columns} from terminals where id = ?`,
    );
    db.transaction(() => {
      for (const t of fleet) statement.run(t.id, t.name, t.x, template.terminalId);
    })();
    db.close();
  } else {
    const client = new pg.Client({
      connectionString: storage.databaseUrl,
      options: `-c search_path=${storage.databaseSchema}`,
    });
    await client.connect();
    // A thousand terminals a statement: the sustained run's fleet is a hundred thousand.
    for (let from = 0; from < fleet.length; from += 1_000) {
      const chunk = fleet.slice(from, from + 1_000);
      await client.query(
        `insert into terminals (id, name, public_key_x, ${columns})
         select f.id, f.name, f.x, ${templateColumns}
         from unnest($1::varchar[], $2::varchar[], $3::varchar[]) as f(id, name, x)
         cross join terminals t where t.id = $4`,
        [
          chunk.map((t) => t.id),
          chunk.map((t) => t.name),
          chunk.map((t) => t.x),
          template.terminalId,
        ],
      );
    }
    await client.end();
  }
  return fleet.map(({ id, key }) => ({ id, key }));
}

/** The demo's training terminal as a fleet member. */
export function fleetTerminal(credential: TerminalCredential): FleetTerminal {
  return {
    id: credential.terminalId,
    key: createPrivateKey({ key: credential.terminalKey, format: 'jwk' }),
  };
}

const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', typ: 'JWT' })).toString('base64url');

/**
 * A terminal request token as `@sidbox/signing`'s signTerminalToken makes it (EdDSA JWT, fresh
 * jti, one minute), signed with node:crypto directly: the loader shares two cores with the hub
 * and PostgreSQL, and this costs a fraction of jose's asynchronous signing.
 */
export function mintToken(terminal: FleetTerminal, nowSeconds: number): string {
  const payload = Buffer.from(
    JSON.stringify({
      iss: terminal.id,
      sub: terminal.id,
      aud: 'sidbox-hub',
      iat: nowSeconds,
      exp: nowSeconds + 60,
      jti: randomUUID(),
    }),
  ).toString('base64url');
  const signed = `${header}.${payload}`;
  return `${signed}.${sign(null, Buffer.from(signed), terminal.key).toString('base64url')}`;
}
