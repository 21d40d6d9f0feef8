import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { XmlError } from '../src/xml/error.js';
import { hexBinary, parseHexBinary } from '../src/xml/hex-binary.js';
import { PAOS_MAX_BYTES, parseXml } from '../src/xml/parse.js';
import { el, escapeXml, xmlDocument } from '../src/xml/write.js';

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof XmlError) return error.code;
    throw error;
  }
  return 'parsed';
}

const limit = PAOS_MAX_BYTES;

describe('parseXml', () => {
  it('matches elements by local name and keeps attributes', () => {
    const root = parseXml(
      `<?xml version="1.0" encoding="UTF-8"?>
      <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <soap:Body>
          <iso:Data xmlns:iso="urn:iso" xsi:type="iso:EAC1OutputType" Protocol="urn:oid:1">x</iso:Data>
        </soap:Body>
      </soap:Envelope>`,
      limit,
    );
    expect(root.name).toBe('Envelope');
    const data = root.children[0]?.children[0];
    expect(data?.name).toBe('Data');
    expect(data?.attributes['type']).toBe('iso:EAC1OutputType');
    expect(data?.attributes['Protocol']).toBe('urn:oid:1');
    expect(data?.text).toBe('x');
  });

  it('keeps every value a string: hex and ids are not turned into numbers', () => {
    const root = parseXml('<a n="007"><h>0001</h><e>1e5</e><t>true</t></a>', limit);
    expect(root.attributes['n']).toBe('007');
    expect(root.children.map((child) => child.text)).toEqual(['0001', '1e5', 'true']);
  });

  it('decodes the predefined entities and character references, CDATA literally', () => {
    const root = parseXml(
      '<a q="&quot;x&apos;">&lt;b&gt; &amp; &#x41;&#66;<![CDATA[&amp;<c>]]></a>',
      limit,
    );
    expect(root.text).toBe('<b> & AB&amp;<c>');
    expect(root.attributes['q']).toBe(`"x'`);
  });

  it('refuses entities it does not know and bad character references', () => {
    expect(codeOf(() => parseXml('<a>&nbsp;</a>', limit))).toBe('malformed');
    expect(codeOf(() => parseXml('<a>&#0;</a>', limit))).toBe('malformed');
    expect(codeOf(() => parseXml('<a>&#xD800;</a>', limit))).toBe('malformed');
  });

  it('refuses a DOCTYPE outright: external entities and billion laughs', () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>';
    const laughs =
      '<!DOCTYPE l [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>';
    expect(codeOf(() => parseXml(xxe, limit))).toBe('doctype');
    expect(codeOf(() => parseXml(laughs, limit))).toBe('doctype');
    expect(codeOf(() => parseXml('<!doctype a><a/>', limit))).toBe('doctype');
  });

  it('refuses a document over the limit before parsing it', () => {
    expect(codeOf(() => parseXml('<a>12345</a>', 11))).toBe('too-large');
    expect(codeOf(() => parseXml('<a>12345</a>', 12))).toBe('parsed');
    expect(codeOf(() => parseXml(Buffer.from('<a>ü</a>'), 8))).toBe('too-large');
  });

  it('refuses what is not one well-formed UTF-8 document', () => {
    for (const bad of ['', 'text', '<a><b></a>', '<a/><b/>', '<a', '<a b></a>', '<a>&</a>']) {
      expect(
        codeOf(() => parseXml(bad, limit)),
        bad,
      ).toBe('malformed');
    }
    expect(
      codeOf(() => parseXml(Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e]), limit)),
    ).toBe('malformed');
  });

  it('refuses nesting deeper than any message needs', () => {
    const deep = '<a>'.repeat(100) + '</a>'.repeat(100);
    expect(codeOf(() => parseXml(deep, limit))).toBe('malformed');
    const veryDeep = '<a>'.repeat(30000) + '</a>'.repeat(30000);
    expect(codeOf(() => parseXml(veryDeep, limit))).toBe('malformed');
  });

  it('answers random bytes and mangled documents with XmlError only', () => {
    const sample = '<s:E xmlns:s="u"><s:B a="1"><x>00FF</x><y><![CDATA[z]]></y></s:B></s:E>';
    for (let round = 0; round < 1500; round++) {
      const random = randomBytes(1 + (round % 200));
      expect(['parsed', 'malformed', 'doctype']).toContain(codeOf(() => parseXml(random, limit)));
      const mangled = Buffer.from(sample);
      for (let flip = 0; flip < 3; flip++) {
        const at = (random[flip % random.length] ?? 0) % mangled.length;
        mangled[at] = random[(flip + 1) % random.length] ?? 0;
      }
      expect(['parsed', 'malformed', 'doctype']).toContain(codeOf(() => parseXml(mangled, limit)));
    }
  });
});

describe('writing', () => {
  it('escapes text and attribute values so they read back unchanged', () => {
    const tricky = `a<b>&c"d'e]]>f\r\ng`;
    const xml = xmlDocument(el('r', el('t', tricky), { v: tricky }));
    expect(xml).toContain('&lt;b&gt;&amp;c&quot;d&apos;e]]&gt;');
    const root = parseXml(xml, limit);
    expect(root.attributes['v']).toBe(tricky);
    expect(root.children[0]?.text).toBe(tricky.trim());
  });

  it('refuses characters XML 1.0 cannot carry', () => {
    expect(codeOf(() => escapeXml('a\u0000b'))).toBe('unencodable');
    expect(codeOf(() => escapeXml('\uD800'))).toBe('unencodable');
    expect(escapeXml('ü 😀 \t')).toBe('ü 😀 \t');
  });

  it('leaves out absent content and attributes', () => {
    expect(el('a', [undefined, el('b'), 'x'], { p: undefined, q: '1' }).xml).toBe(
      '<a q="1"><b/>x</a>',
    );
  });
});

describe('hexBinary', () => {
  it('accepts an even number of hex digits in either case', () => {
    expect(parseHexBinary('00aBff')).toEqual(Buffer.from([0, 0xab, 0xff]));
    expect(parseHexBinary('')).toEqual(Buffer.alloc(0));
    expect(hexBinary(Buffer.from([0x0a, 0xbc]))).toBe('0ABC');
  });

  it('refuses odd lengths and non-hex digits', () => {
    for (const bad of ['a', '0g', '00 11', '0x00', '１２'])
      expect(parseHexBinary(bad), bad).toBeUndefined();
  });
});
