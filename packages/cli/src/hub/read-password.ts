import { UsageError } from '../usage-error.js';

/** The first line of stdin: the password, so it never appears in argv or shell history. */
export async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('password: ');
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  const password = text.split(/\r?\n/)[0] ?? '';
  if (password === '') throw new UsageError('no password on stdin (pipe it in: echo … | sidbox …)');
  return password;
}
