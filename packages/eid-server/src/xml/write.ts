import { XmlError } from './error.js';

/** Markup built by el(): the only way raw XML enters a document, so every string is escaped. */
export class XmlFragment {
  constructor(readonly xml: string) {}
}

/** Strings become escaped text; undefined (an absent optional element) writes nothing. */
export type XmlContent = XmlFragment | string | undefined | readonly XmlContent[];

/** XML 1.0 cannot carry C0 controls (but tab, CR, LF), lone surrogates, U+FFFE or U+FFFF. */
function isEncodable(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd) return false;
    if (code === 0xfffe || code === 0xffff) return false;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) return false;
  }
  return true;
}

export function escapeXml(value: string): string {
  if (!isEncodable(value)) {
    throw new XmlError('unencodable', 'character not allowed in XML');
  }
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

function serialize(content: XmlContent): string {
  if (content === undefined) return '';
  if (typeof content === 'string') return escapeXml(content);
  if (content instanceof XmlFragment) return content.xml;
  return content.map(serialize).join('');
}

/** One element; attributes whose value is undefined are left out. */
export function el(
  name: string,
  content?: XmlContent,
  attributes: Readonly<Record<string, string | undefined>> = {},
): XmlFragment {
  const attributeText = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  const inner = serialize(content);
  return new XmlFragment(
    inner === '' ? `<${name}${attributeText}/>` : `<${name}${attributeText}>${inner}</${name}>`,
  );
}

export function xmlDocument(root: XmlFragment): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${root.xml}`;
}
