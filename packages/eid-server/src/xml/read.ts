import type { XmlElement } from './element.js';
import { parseHexBinary } from './hex-binary.js';

/**
 * Reading a parsed message by local names. Each protocol module makes one with its own error,
 * so that a missing or doubled element is reported as that protocol's error.
 */
export interface ElementReader {
  /** Throws the protocol's error. */
  fail(reason: string): never;
  all(parent: XmlElement, name: string): XmlElement[];
  /** The only child of that name, or undefined; a second one is an error. */
  optional(parent: XmlElement, name: string): XmlElement | undefined;
  required(parent: XmlElement, name: string): XmlElement;
  optionalText(parent: XmlElement, name: string): string | undefined;
  text(parent: XmlElement, name: string): string;
  hex(element: XmlElement): Buffer;
  optionalHex(parent: XmlElement, name: string): Buffer | undefined;
  requiredHex(parent: XmlElement, name: string): Buffer;
}

export function elementReader(fail: (reason: string) => Error): ElementReader {
  const all = (parent: XmlElement, name: string) =>
    parent.children.filter((child) => child.name === name);
  const optional = (parent: XmlElement, name: string) => {
    const found = all(parent, name);
    if (found.length > 1) throw fail(`more than one ${name}`);
    return found[0];
  };
  const required = (parent: XmlElement, name: string) => {
    const found = optional(parent, name);
    if (found === undefined) throw fail(`${name} missing`);
    return found;
  };
  const hex = (element: XmlElement) => {
    const bytes = parseHexBinary(element.text);
    if (bytes === undefined) throw fail(`${element.name} is not hexBinary`);
    return bytes;
  };
  return {
    fail: (reason) => {
      throw fail(reason);
    },
    all,
    optional,
    required,
    optionalText: (parent, name) => optional(parent, name)?.text,
    text: (parent, name) => required(parent, name).text,
    hex,
    optionalHex: (parent, name) => {
      const found = optional(parent, name);
      return found === undefined ? undefined : hex(found);
    },
    requiredHex: (parent, name) => hex(required(parent, name)),
  };
}
