import type { SeededRandom } from './seeded-random.js';

/**
 * TR-03130 SOAP requests (useID, getResult, getServerInfo) from valid to badly broken: the
 * envelope is built as a tree, changed in structure (elements dropped, doubled, reordered,
 * renamed, nested deep, namespaces wrong), in values (hex, counters, huge text, entities,
 * CDATA), then in its bytes (truncated, invalid UTF-8, a DOCTYPE). All of it from the seed.
 */
export interface SoapFuzzRequest {
  headers: Record<string, string>;
  body: Buffer;
  /** What was done to it, for the failure report. */
  mutations: string[];
}

export interface SoapFuzzContext {
  apiKey: string;
  /** Session/ID values (hex) of sessions that exist, so that some getResults find one. */
  sessionIdsHex: readonly string[];
}

interface XmlNode {
  name: string;
  attributes: [string, string][];
  children: XmlNode[];
  /** Raw XML text content, already escaped (mutations may put entities or CDATA here). */
  text: string;
}

const SOAP_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
const EID_NS = 'http://bsi.bund.de/eID/';

const node = (name: string, content: XmlNode[] | string = []): XmlNode =>
  typeof content === 'string'
    ? { name, attributes: [], children: [], text: content }
    : { name, attributes: [], children: content, text: '' };

const operationNames = [
  'DocumentType',
  'IssuingState',
  'DateOfExpiry',
  'GivenNames',
  'FamilyNames',
  'ArtisticName',
  'AcademicTitle',
  'DateOfBirth',
  'PlaceOfBirth',
  'Nationality',
  'BirthName',
  'PlaceOfResidence',
  'MunicipalityID',
  'ResidencePermitI',
  'ResidencePermitII',
  'PhoneNumber',
  'EmailAddress',
  'RestrictedID',
  'AgeVerification',
  'PlaceVerification',
];
const selections = ['REQUIRED', 'ALLOWED', 'PROHIBITED'];

function useIdBody(random: SeededRandom): XmlNode {
  const asked = operationNames.filter((name) => name !== 'EmailAddress' && random.chance(0.3));
  if (asked.length === 0) asked.push('GivenNames');
  // Names TR-03130 2.0 does not have: refused when asked for, ignored when PROHIBITED.
  if (random.chance(0.05))
    asked.push(random.pick(['Sex', 'ShoeSize', 'givenNames', 'EmailAddress']));
  const operations = asked.map((name) => node(`eid:${name}`, random.pick(selections)));
  const parts = [node('eid:UseOperations', operations)];
  if (asked.includes('AgeVerification') || random.chance(0.1)) {
    parts.push(node('eid:AgeVerificationRequest', [node('eid:Age', String(random.int(100)))]));
  }
  if (asked.includes('PlaceVerification') || random.chance(0.1)) {
    const communityId = random.pick(['0276', '027605', '02760503', '0276050315']);
    parts.push(node('eid:PlaceVerificationRequest', [node('eid:CommunityID', communityId)]));
  }
  if (random.chance(0.1)) parts.push(node('eid:TransactionInfo', 'Bestellung 4711 &amp; mehr'));
  if (random.chance(0.3)) {
    const id = random.bytes(8 + random.int(24)).toString('hex');
    const key = random.bytes(16 + random.int(48)).toString('hex');
    parts.push(node('eid:PSK', [node('eid:ID', id), node('eid:Key', key)]));
  }
  return node('eid:useIDRequest', parts);
}

function getResultBody(random: SeededRandom, context: SoapFuzzContext): XmlNode {
  const sessionId = random.chance(0.7)
    ? random.pick(context.sessionIdsHex)
    : random.bytes(32).toString('hex');
  return node('eid:getResultRequest', [
    node('eid:Session', [node('eid:ID', sessionId)]),
    node('eid:RequestCounter', String(1 + random.int(20))),
  ]);
}

function envelope(random: SeededRandom, content: XmlNode): XmlNode {
  const root = node('soapenv:Envelope', [
    ...(random.chance(0.7) ? [node('soapenv:Header')] : []),
    node('soapenv:Body', [content]),
  ]);
  root.attributes.push(['xmlns:soapenv', SOAP_NS], ['xmlns:eid', EID_NS]);
  return root;
}

function serialize(element: XmlNode): string {
  const attributes = element.attributes.map(([name, value]) => ` ${name}="${value}"`).join('');
  const content = element.text + element.children.map(serialize).join('');
  return content === ''
    ? `<${element.name}${attributes}/>`
    : `<${element.name}${attributes}>${content}</${element.name}>`;
}

/** Every element with its parent, depth first. */
function walk(root: XmlNode): { element: XmlNode; parent: XmlNode | undefined }[] {
  const found: { element: XmlNode; parent: XmlNode | undefined }[] = [];
  const visit = (element: XmlNode, parent: XmlNode | undefined) => {
    found.push({ element, parent });
    for (const child of element.children) visit(child, element);
  };
  visit(root, undefined);
  return found;
}

function leaves(root: XmlNode): XmlNode[] {
  return walk(root)
    .map(({ element }) => element)
    .filter((element) => element.children.length === 0);
}

function shuffle<T>(random: SeededRandom, items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

const oddHex = [
  'XYZ',
  'ABC',
  '0xABCD',
  'AB CD',
  'ab\ncd',
  '',
  '-1',
  'ä'.repeat(32),
  'GG'.repeat(32),
];
const oddCounters = [
  '0',
  '-1',
  '+1',
  ' 7 ',
  '1.0',
  '1e3',
  '999999999',
  '1000000000',
  '4294967297',
  '99999999999999999999999',
  'NaN',
  '',
  '\uff11',
  '0x10',
];
const entities = [
  '&lt;',
  '&#x41;',
  '&#0;',
  '&#x110000;',
  '&#xD800;',
  '&foo;',
  '&amp',
  '&#;',
  '&#65',
];
const oddNames = [
  'eid:deleteAllSessionsRequest',
  'eid:useIDResponse',
  'eid:getresultrequest',
  'eid:useID',
  'soapenv:Fault',
  'x:useIDRequest',
  'useIDRequest',
  'eid:__proto__',
  'eid:constructor',
];

/** One change to the tree; returns its name for the report. */
function mutateTree(random: SeededRandom, root: XmlNode): string {
  const all = walk(root);
  const { element, parent } = random.pick(all);
  switch (random.int(12)) {
    case 0: {
      if (parent === undefined) return 'none';
      parent.children.splice(parent.children.indexOf(element), 1);
      return `drop ${localName(element.name)}`;
    }
    case 1: {
      if (parent === undefined) return 'none';
      parent.children.push(structuredClone(element));
      return `duplicate ${localName(element.name)}`;
    }
    case 2:
      shuffle(random, element.children);
      return `reorder in ${localName(element.name)}`;
    case 3: {
      const how = random.int(4);
      if (how === 0) element.name = `wrong:${localName(element.name)}`;
      else if (how === 1) element.name = localName(element.name);
      else if (how === 2)
        root.attributes = [
          ['xmlns:eid', 'urn:wrong'],
          ['xmlns:soapenv', SOAP_NS],
        ];
      else root.attributes = [['xmlns:soapenv', 'http://www.w3.org/2003/05/soap-envelope']];
      return 'namespace';
    }
    case 4: {
      const leaf = random.pick(leaves(root));
      leaf.text = random
        .pick(['A', 'ä', '😀', '&amp;'])
        .repeat(random.pick([1000, 50_000, 300_000]));
      return 'huge text';
    }
    case 5: {
      const ids = walk(root).filter(({ element: e }) => /^(ID|Key)$/.test(localName(e.name)));
      const target = ids.length > 0 ? random.pick(ids).element : random.pick(leaves(root));
      target.text = random.pick(oddHex);
      return 'invalid hex';
    }
    case 6: {
      const counters = walk(root).filter(({ element: e }) =>
        /^(RequestCounter|Age|CommunityID)$/.test(localName(e.name)),
      );
      const target =
        counters.length > 0 ? random.pick(counters).element : random.pick(leaves(root));
      target.text = random.pick(oddCounters);
      return 'odd number';
    }
    case 7: {
      const body = walk(root).find(({ element: e }) => localName(e.name) === 'Body')?.element;
      const content = body?.children[0];
      if (content !== undefined) content.name = random.pick(oddNames);
      return 'unknown operation';
    }
    case 8: {
      const leaf = random.pick(leaves(root));
      leaf.text = `${leaf.text}${random.pick(entities)}`;
      return 'entity';
    }
    case 9: {
      const depth = random.pick([10, 63, 70, 1_000, 20_000]);
      const leaf = random.pick(leaves(root));
      leaf.text = `${'<a>'.repeat(depth)}${leaf.text}${'</a>'.repeat(depth)}`;
      return `nested ${depth}`;
    }
    case 10: {
      const leaf = random.pick(leaves(root));
      leaf.text = random.pick([
        `<![CDATA[${leaf.text}]]>`,
        `<![CDATA[${leaf.text}]]]]><![CDATA[>]]>`,
        `<![CDATA[<eid:x>&foo;</eid:x>]]>`,
        `<![CDATA[${leaf.text}`,
      ]);
      return 'CDATA';
    }
    default: {
      element.attributes.push(
        random.pick<[string, string]>([
          ['soapenv:mustUnderstand', '1'],
          ['xmlns', 'urn:x'],
          ['a', '&foo;'],
          ['a', '<'],
          ['xml:lang', 'de'],
          ['wsu:Id', 'body-1'],
        ]),
      );
      return 'attribute';
    }
  }
}

const invalidUtf8 = [[0xff], [0xc3, 0x28], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88]];

/** One change to the bytes; returns its name for the report. */
function damageBytes(random: SeededRandom, bytes: Buffer): [Buffer, string] {
  switch (random.int(7)) {
    case 0:
      return [bytes.subarray(0, random.int(bytes.length)), 'truncated'];
    case 1: {
      const at = random.int(bytes.length);
      const inserted = Buffer.from(random.pick(invalidUtf8));
      return [
        Buffer.concat([bytes.subarray(0, at), inserted, bytes.subarray(at)]),
        'invalid UTF-8',
      ];
    }
    case 2: {
      const copy = Buffer.from(bytes);
      for (let i = 0; i < 1 + random.int(4); i++) copy[random.int(copy.length)] = random.int(256);
      return [copy, 'flipped bytes'];
    }
    case 3:
      return [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]), 'BOM'];
    case 4: {
      const doctype = random.pick([
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
        '<!doctype x>',
        '<!ENTITY e "x">',
      ]);
      const text = bytes.toString('utf8');
      const at = text.startsWith('<?xml') ? text.indexOf('?>') + 2 : 0;
      return [Buffer.from(text.slice(0, at) + doctype + text.slice(at)), 'DOCTYPE'];
    }
    case 5:
      return [Buffer.from(bytes.toString('utf8'), 'utf16le'), 'UTF-16'];
    default:
      return [random.bytes(random.int(2048)), 'random bytes'];
  }
}

function headersFor(random: SeededRandom, context: SoapFuzzContext): Record<string, string> {
  const headers: Record<string, string> = {};
  if (random.chance(0.92)) headers.authorization = `Bearer ${context.apiKey}`;
  else if (random.chance(0.7)) {
    headers.authorization = random.pick([
      'Bearer wrong',
      `Bearer ${context.apiKey}x`,
      `bearer ${context.apiKey}`,
      `Bearer  ${context.apiKey}`,
      `Basic ${Buffer.from(`x:${context.apiKey}`).toString('base64')}`,
    ]);
  }
  headers['content-type'] = random.chance(0.85)
    ? 'text/xml; charset=utf-8'
    : random.pick([
        'application/soap+xml; charset=utf-8',
        'application/xml',
        'text/xml; charset=iso-8859-1',
        'TEXT/XML',
        'application/json',
        'text/plain',
        'application/vnd.paos+xml',
      ]);
  if (random.chance(0.05)) headers.soapaction = random.pick(['""', '"useID"', 'x'.repeat(4000)]);
  return headers;
}

export function soapFuzzRequest(random: SeededRandom, context: SoapFuzzContext): SoapFuzzRequest {
  const kind = random.pick(['useID', 'useID', 'getResult', 'getResult', 'getServerInfo']);
  const content =
    kind === 'useID'
      ? useIdBody(random)
      : kind === 'getResult'
        ? getResultBody(random, context)
        : node('eid:getServerInfoRequest');
  const tree = envelope(random, content);
  const mutations = [kind];
  const count = random.chance(0.2) ? 0 : 1 + random.int(3);
  for (let i = 0; i < count; i++) mutations.push(mutateTree(random, tree));
  const declaration = random.chance(0.6) ? '<?xml version="1.0" encoding="UTF-8"?>' : '';
  let body: Buffer = Buffer.from(declaration + serialize(tree));
  if (random.chance(0.15)) {
    const [damaged, how] = damageBytes(random, body);
    body = damaged;
    mutations.push(how);
  }
  return { headers: headersFor(random, context), body, mutations };
}
