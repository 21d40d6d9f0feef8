import { openEidConnection, type Reader } from '@sidbox/eid';
import { createLogger } from '@sidbox/runtime';
import { emit, table } from '../output.js';

function cardState(reader: Reader): string {
  if (!reader.attached) return 'detached';
  const card = reader.card;
  if (card === null || card === undefined) return 'no card';
  if (card.retryCounter === undefined) return 'unknown card';
  if (card.deactivated) return 'eID deactivated';
  if (card.inoperative) return 'PUK used up';
  return `eID card, ${card.retryCounter} PIN tries left`;
}

export function readerRows(readers: Reader[]): string[][] {
  return readers.map((r) => [r.name, r.keypad ? 'keypad' : 'basic', cardState(r)]);
}

/** Starts AusweisApp, asks it who it is and what readers it sees, and stops it again. */
export async function showInfo(options: { json?: boolean; binary?: string }): Promise<void> {
  const logger = createLogger('cli', { level: 'warn' });
  const connection = await openEidConnection(
    { kind: 'ausweisapp', ...(options.binary ? { binary: options.binary } : {}) },
    logger,
  );
  try {
    const { client } = connection;
    const info = await client.getInfo();
    const levels = await client.getApiLevel();
    const readers = (await client.getReaderList()).filter((r) => r.attached);
    const result = {
      name: info.VersionInfo.Name,
      version: info.VersionInfo['Implementation-Version'],
      apiLevel: levels.current,
      availableApiLevels: levels.available ?? [],
      binary: connection.supervisor?.binary?.path ?? null,
      readers: readers.map((r) => ({
        name: r.name,
        keypad: Boolean(r.keypad),
        insertable: Boolean(r.insertable),
        card: r.card ?? null,
      })),
    };
    emit(Boolean(options.json), result, () =>
      [
        `${result.name} ${result.version}, SDK API level ${result.apiLevel}`,
        '',
        readers.length
          ? table([['READER', 'TYPE', 'CARD'], ...readerRows(readers)])
          : 'no card readers',
      ].join('\n'),
    );
  } finally {
    await connection.close();
  }
}
