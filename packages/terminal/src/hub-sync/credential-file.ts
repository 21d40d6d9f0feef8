import { readFile } from 'node:fs/promises';
import { TerminalCredential } from '@sidbox/protocol';

/** Reads the one-time credential file from the stick; a readable error when it is wrong. */
export async function readCredentialFile(path: string): Promise<TerminalCredential> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`hub-sync: cannot read credential file ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`hub-sync: credential file ${path} is not JSON`);
  }
  const parsed = TerminalCredential.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`hub-sync: credential file ${path} is invalid (${problems.join('; ')})`);
  }
  return parsed.data;
}
