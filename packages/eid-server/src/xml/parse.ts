import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { XmlElement } from './element.js';
import { XmlError } from './error.js';

/** What a PAOS message may weigh: the largest real one (EAC1 with its chain) is some 10 KiB. */
export const PAOS_MAX_BYTES = 256 * 1024;

// Deeper than any SOAP message we accept; bounds the recursion below.
const MAX_DEPTH = 64;

const parser = new XMLParser({
  preserveOrder: true,
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
});

type OrderedNode = Record<string, unknown>;

const predefinedEntities: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** The five predefined entities and character references; anything else is refused. */
function decodeEntities(raw: string): string {
  return raw.replace(
    /&(?:#x([0-9a-fA-F]{1,6});|#([0-9]{1,7});|([A-Za-z]+);)?/g,
    (_match, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (name !== undefined) {
        const replacement = predefinedEntities[name];
        if (replacement === undefined) throw new XmlError('malformed', 'undefined entity');
        return replacement;
      }
      const code =
        hex !== undefined ? parseInt(hex, 16) : dec !== undefined ? parseInt(dec, 10) : NaN;
      if (!isXmlChar(code)) throw new XmlError('malformed', 'bad character reference');
      return String.fromCodePoint(code);
    },
  );
}

function tagOf(node: OrderedNode): string {
  const tag = Object.keys(node).find((key) => key !== ':@');
  if (tag === undefined) throw new XmlError('malformed', 'unreadable node');
  return tag;
}

function toElement(name: string, node: OrderedNode, depth: number): XmlElement {
  if (depth > MAX_DEPTH) throw new XmlError('malformed', 'nested too deeply');
  const content = node[name];
  if (!Array.isArray(content)) throw new XmlError('malformed', 'unreadable node');
  const children: XmlElement[] = [];
  let text = '';
  for (const child of content as OrderedNode[]) {
    const tag = tagOf(child);
    const value = child[tag];
    if (tag === '#text') text += decodeEntities(String(value));
    else if (tag === '#cdata') text += cdataText(value);
    else children.push(toElement(tag, child, depth + 1));
  }
  return { name, attributes: attributesOf(node[':@']), children, text: text.trim() };
}

function cdataText(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value.map((part: OrderedNode) => String(part['#text'] ?? '')).join('');
}

function attributesOf(raw: unknown): Record<string, string> {
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  if (raw === undefined) return attributes;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    attributes[key] = decodeEntities(String(value));
  }
  return attributes;
}

function decode(input: string | Buffer): string {
  if (typeof input === 'string') return input;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw new XmlError('malformed', 'not UTF-8');
  }
}

/**
 * Parses a document the server received. No entity is ever expanded: a DOCTYPE (the way in for
 * XXE and billion laughs) is refused before parsing. Every value stays a string.
 */
export function parseXml(input: string | Buffer, maxBytes: number): XmlElement {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.length;
  if (size > maxBytes) throw new XmlError('too-large', `document over ${maxBytes} bytes`);
  const xml = decode(input);
  if (/<!(?:DOCTYPE|ENTITY)/i.test(xml)) throw new XmlError('doctype', 'DOCTYPE refused');
  try {
    if (XMLValidator.validate(xml) !== true) throw new XmlError('malformed', 'not well-formed');
    const top = (parser.parse(xml) as OrderedNode[]).filter((node) => tagOf(node) !== '#text');
    const root = top[0];
    if (top.length !== 1 || root === undefined) throw new XmlError('malformed', 'not one root');
    return toElement(tagOf(root), root, 0);
  } catch (error) {
    if (error instanceof XmlError) throw error;
    throw new XmlError('malformed', 'not well-formed');
  }
}
