/** The speak action's limit (packages/protocol KioskAction). */
const maxLength = 4000;

/**
 * The text a sighted citizen sees in a region, for the speech synthesizer: visible text
 * nodes in document order, skipping anything marked `data-no-speak` (the PIN dots and the
 * digit pad) and anything hidden. Never reads a value: PINs exist only as dots.
 */
export function visibleText(root: Element): string {
  const parts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('[data-no-speak], [aria-hidden="true"]')) continue;
    if (!parent.checkVisibility()) continue;
    const text = node.textContent?.trim();
    if (text) parts.push(text);
  }
  return parts.join(' ').replace(/\s+/g, ' ').slice(0, maxLength);
}
