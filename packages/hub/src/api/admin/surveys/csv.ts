/** One CSV cell: quoted, and defused against spreadsheet formula injection. */
function cell(value: string | null): string {
  const text = value ?? '';
  const defused = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${defused.replaceAll('"', '""')}"`;
}

export function toCsv(header: string[], rows: (string | null)[][]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
