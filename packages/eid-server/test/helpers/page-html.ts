/** The text of an element with this data-field in a page's HTML, tags dropped, white space folded. */
export function fieldText(body: string, name: string): string {
  const match = new RegExp(`data-field="${name}">([\\s\\S]*?)</div>`).exec(body);
  return (match?.[1] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
