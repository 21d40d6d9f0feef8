import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeCommandApdu, type CommandApdu } from '../src/apdu/command-apdu.js';
import {
  decodeResponseApdu,
  encodeResponseApdu,
  type ResponseApdu,
} from '../src/apdu/response-apdu.js';
import { aesCmac } from '../src/crypto/cmac.js';
import type { SessionKeys } from '../src/eac/chip-authentication.js';
import {
  protectCommand,
  protectResponse,
  unprotectCommand,
  unprotectResponse,
} from '../src/sm/apdu-protection.js';
import { CardSecureMessaging } from '../src/sm/card-secure-messaging.js';
import { SecureMessagingChannel } from '../src/sm/secure-messaging.js';
import { SecureMessagingError } from '../src/sm/secure-messaging-error.js';

const hex = (text: string): Buffer => Buffer.from(text.replace(/\s/g, ''), 'hex');

// AusweisApp test_SecureMessaging (data generated with ocard): id-PACE-ECDH-GM-AES-CBC-CMAC-128.
const keys: SessionKeys = {
  kEnc: Buffer.from('F1234567890ABCDE'),
  kMac: Buffer.from('1234567890ABCDEF'),
};
const mseSet = { cla: 0x00, ins: 0x22, p1: 0x20, p2: 0x30 };
const d0d3 = hex('D0D1D2D3');

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof SecureMessagingError
      ? error.code
      : `not a SecureMessagingError: ${String(error)}`;
  }
  return undefined;
}

describe("protecting commands as AusweisApp's test vectors", () => {
  const vectors: [string, CommandApdu, bigint, string][] = [
    ['no data, no Le', mseSet, 1n, '0C2220300A8E086733A03D8E9AC66900'],
    ['command chaining class', { ...mseSet, cla: 0x10 }, 1n, '1C2220300A8E081211BCC1702D612B00'],
    ['no data, Le 8', { ...mseSet, le: 8 }, 1n, '0C2220300D9701088E0844B066BC91C77C4500'],
    ['no data, Le 256', { ...mseSet, le: 256 }, 1n, '0C2220300D9701008E0875F18DD4F6B913D500'],
    [
      'no data, Le 65536',
      { ...mseSet, le: 65536 },
      1n,
      '0C22203000000E970200008E08E5A6AE57AD293C450000',
    ],
    [
      'data, Le 256',
      { ...mseSet, data: d0d3, le: 256 },
      1n,
      '0C22203020871101CC30C03DBE01213486B74CE1F48F5C499701008E08A822685D1780FADD00',
    ],
    ...(
      [
        '0C222030000021871101CC30C03DBE01213486B74CE1F48F5C49970200008E08C076CEC6A1CC26020000',
        '0C22203000002187110140EADE1A656A226767536A7CEC2AC6F9970200008E08451D5C632AB4EE240000',
        '0C2220300000218711010BDF2B6181A9091E6FE0147D8B11069D970200008E08DEB87800B60D6D110000',
        '0C222030000021871101252538E3EBAD320FCD01905459F6B6E0970200008E080F1C93C6D9BDBCF20000',
      ] as const
    ).map((vector, i): [string, CommandApdu, bigint, string] => [
      `data, Le 65536, SSC ${i + 1}`,
      { ...mseSet, data: d0d3, le: 65536 },
      BigInt(i + 1),
      vector,
    ]),
  ];

  for (const [name, command, ssc, vector] of vectors) {
    it(`matches for ${name}`, () => {
      const expected = decodeCommandApdu(hex(vector));
      const protectedCommand = protectCommand(keys, ssc, command);
      // Same header and data objects; the server always sends extended Le 0000 where
      // AusweisApp picks short Le 00 when the plain Le allows it.
      expect({ ...protectedCommand, le: 0 }).toEqual({ ...expected, le: 0 });
      expect(protectedCommand.le).toBe(65536);
      expect(unprotectCommand(keys, ssc, expected)).toEqual(command);
    });
  }
});

/** AusweisApp test_SecureMessaging::encryptResponse, an independent protection of a response. */
function referenceProtectedResponse(plain: Buffer, ssc: number): Buffer {
  const sscBlock = Buffer.alloc(16);
  sscBlock.writeUInt32BE(ssc, 12);
  const padded = (data: Buffer): Buffer =>
    Buffer.concat([data, hex('80'), Buffer.alloc(15 - (data.length % 16))]);
  const data = plain.subarray(0, -2);
  const sw = plain.subarray(-2);
  let do87 = Buffer.alloc(0);
  if (data.length > 0) {
    const ivCipher = createCipheriv('aes-128-ecb', keys.kEnc, null).setAutoPadding(false);
    const iv = ivCipher.update(sscBlock);
    const cipher = createCipheriv('aes-128-cbc', keys.kEnc, iv).setAutoPadding(false);
    const cryptogram = Buffer.concat([hex('01'), cipher.update(padded(data)), cipher.final()]);
    do87 = Buffer.concat([hex('87'), Buffer.from([cryptogram.length]), cryptogram]);
  }
  const do99 = Buffer.concat([hex('9902'), sw]);
  const mac = aesCmac(keys.kMac, padded(Buffer.concat([sscBlock, do87, do99]))).subarray(0, 8);
  return Buffer.concat([do87, do99, hex('8E08'), mac, sw]);
}

describe('protecting responses', () => {
  for (const plain of ['9000', '0102030405060708090A9000', '6282']) {
    it(`matches AusweisApp's reference protection of ${plain}`, () => {
      const reference = referenceProtectedResponse(hex(plain), 2);
      expect(encodeResponseApdu(protectResponse(keys, 2n, decodeResponseApdu(hex(plain))))).toEqual(
        reference,
      );
      expect(unprotectResponse(keys, 2n, decodeResponseApdu(reference))).toEqual(
        decodeResponseApdu(hex(plain)),
      );
    });
  }

  it('refuses a DO99 that differs from the outer status word, as AusweisApp does', () => {
    const reference = referenceProtectedResponse(hex('0102030405060708090A9000'), 2);
    const outerChanged = Buffer.concat([reference.subarray(0, -2), hex('6B00')]);
    expect(codeOf(() => unprotectResponse(keys, 2n, decodeResponseApdu(outerChanged)))).toBe(
      'format',
    );
  });
});

/** A card test double: the Simulator's answers to the plain commands it is sent. */
function runCard(
  card: CardSecureMessaging,
  commands: readonly Buffer[],
  answer: (c: CommandApdu) => ResponseApdu,
): Buffer[] {
  return commands.map((raw) => card.protectResponse(answer(card.unprotectCommand(raw))));
}

const echo = (command: CommandApdu): ResponseApdu => ({
  data: Buffer.concat([
    Buffer.from([command.ins, command.le ? 1 : 0]),
    command.data ?? Buffer.alloc(0),
  ]),
  sw: 0x9000,
});

describe('the channel between server and card', () => {
  const cases: CommandApdu[] = [
    { cla: 0x00, ins: 0x22, p1: 0x41, p2: 0xa4 },
    { cla: 0x00, ins: 0xb0, p1: 0x81, p2: 0x00, le: 256 },
    { cla: 0x80, ins: 0x20, p1: 0x80, p2: 0x00, data: hex('060904007f000703010403') },
    { cla: 0x00, ins: 0x86, p1: 0x00, p2: 0x00, data: Buffer.alloc(300, 0x5a), le: 65536 },
    { cla: 0x00, ins: 0x22, p1: 0x41, p2: 0xa4, data: Buffer.alloc(16, 1), le: 1 },
  ];

  it('carries cases 1–4 across several batches, the card opening exactly the plain commands', () => {
    const server = new SecureMessagingChannel(keys);
    const card = new CardSecureMessaging(keys);
    for (let batch = 0; batch < 3; batch++) {
      const seen: CommandApdu[] = [];
      const responses = runCard(card, server.protect(cases), (command) => {
        seen.push(command);
        return echo(command);
      });
      expect(seen).toEqual(cases);
      expect(server.unprotect(responses)).toEqual(cases.map(echo));
    }
  });

  it('sends every protected command with extended length and Le 0000', () => {
    const [first] = new SecureMessagingChannel(keys).protect([
      { cla: 0, ins: 0xb0, p1: 0x81, p2: 0, le: 256 },
    ]);
    expect(first?.subarray(0, 5)).toEqual(hex('0CB0810000'));
    expect(first?.subarray(-2)).toEqual(hex('0000'));
    expect(decodeCommandApdu(first ?? Buffer.alloc(0)).le).toBe(65536);
  });

  it('brings back a 300-byte file and an empty answer', () => {
    const server = new SecureMessagingChannel(keys);
    const card = new CardSecureMessaging(keys);
    const file = Buffer.from(Array.from({ length: 300 }, (_, i) => i & 0xff));
    const commands = server.protect([
      { cla: 0, ins: 0xb0, p1: 0x91, p2: 0, le: 65536 },
      { cla: 0, ins: 0xb0, p1: 0x92, p2: 0, le: 256 },
    ]);
    const responses = runCard(card, commands, (command) =>
      command.p1 === 0x91 ? { data: file, sw: 0x9000 } : { data: Buffer.alloc(0), sw: 0x6a82 },
    );
    expect(server.unprotect(responses)).toEqual([
      { data: file, sw: 0x9000 },
      { data: Buffer.alloc(0), sw: 0x6a82 },
    ]);
  });

  function answeredBatch(): {
    server: SecureMessagingChannel;
    responses: Buffer[];
    card: CardSecureMessaging;
  } {
    const server = new SecureMessagingChannel(keys);
    const card = new CardSecureMessaging(keys);
    const responses = runCard(card, server.protect(cases.slice(0, 3)), echo);
    return { server, responses, card };
  }

  it('refuses a tampered MAC, data object or status word, and stays closed afterwards', () => {
    for (const at of [-3, 5, -1]) {
      const { server, responses } = answeredBatch();
      const tampered = Buffer.from(responses[1] ?? Buffer.alloc(0));
      const index = at < 0 ? tampered.length + at : at;
      tampered[index] = (tampered[index] ?? 0) ^ 0x01;
      const code = codeOf(() =>
        server.unprotect([
          responses[0] ?? Buffer.alloc(0),
          tampered,
          responses[2] ?? Buffer.alloc(0),
        ]),
      );
      expect(code === 'mac' || code === 'format').toBe(true);
      expect(codeOf(() => server.unprotect(responses))).toBe('closed');
      expect(codeOf(() => server.protect(cases))).toBe('closed');
    }
  });

  it('refuses a tampered MAC byte as a MAC failure', () => {
    const { server, responses } = answeredBatch();
    const tampered = Buffer.from(responses[0] ?? Buffer.alloc(0));
    tampered[tampered.length - 3] = (tampered[tampered.length - 3] ?? 0) ^ 0x80;
    expect(codeOf(() => server.unprotect([tampered, ...responses.slice(1)]))).toBe('mac');
  });

  it('refuses responses in the wrong order', () => {
    const { server, responses } = answeredBatch();
    const [a, b, c] = responses as [Buffer, Buffer, Buffer];
    expect(codeOf(() => server.unprotect([b, a, c]))).toBe('mac');
  });

  it('refuses a response replayed from an earlier batch', () => {
    const { server, responses, card } = answeredBatch();
    server.unprotect(responses);
    const next = runCard(card, server.protect(cases.slice(0, 3)), echo);
    expect(
      codeOf(() => server.unprotect([responses[0] ?? Buffer.alloc(0), ...next.slice(1)])),
    ).toBe('mac');
  });

  it('refuses a missing or an extra response', () => {
    const missing = answeredBatch();
    expect(codeOf(() => missing.server.unprotect(missing.responses.slice(0, 2)))).toBe(
      'missing-response',
    );
    const extra = answeredBatch();
    expect(codeOf(() => extra.server.unprotect([...extra.responses, hex('9000')]))).toBe(
      'unexpected-response',
    );
  });

  it('refuses an unprotected answer such as 6987 or 6988', () => {
    for (const plain of ['6987', '6988', '9000']) {
      const { server, responses } = answeredBatch();
      expect(
        codeOf(() =>
          server.unprotect([
            responses[0] ?? Buffer.alloc(0),
            hex(plain),
            responses[2] ?? Buffer.alloc(0),
          ]),
        ),
      ).toBe('unprotected');
    }
  });

  it('refuses garbage and plain data where protected data belongs', () => {
    for (const raw of ['90', '0102039000', '8E0800000000000000009000', '7C038101009000']) {
      const { server, responses } = answeredBatch();
      expect(codeOf(() => server.unprotect([hex(raw), ...responses.slice(1)]))).toBe('format');
    }
  });

  it('refuses calls out of turn', () => {
    const server = new SecureMessagingChannel(keys);
    expect(codeOf(() => server.unprotect([]))).toBe('state');
    const other = new SecureMessagingChannel(keys);
    other.protect(cases);
    expect(codeOf(() => other.protect(cases))).toBe('state');
  });

  it('has the card refuse a tampered, replayed or unprotected command', () => {
    const commands = new SecureMessagingChannel(keys).protect(cases.slice(0, 2));
    const [first, second] = commands as [Buffer, Buffer];
    const tampered = Buffer.from(first);
    tampered[tampered.length - 3] = (tampered[tampered.length - 3] ?? 0) ^ 0x01;
    expect(codeOf(() => new CardSecureMessaging(keys).unprotectCommand(tampered))).toBe('mac');
    expect(codeOf(() => new CardSecureMessaging(keys).unprotectCommand(second))).toBe('mac');
    expect(codeOf(() => new CardSecureMessaging(keys).unprotectCommand(hex('00B0810000')))).toBe(
      'unprotected',
    );
    const card = new CardSecureMessaging(keys);
    expect(codeOf(() => card.protectResponse({ data: Buffer.alloc(0), sw: 0x9000 }))).toBe('state');
    expect(codeOf(() => card.unprotectCommand(first))).toBe('closed');
  });

  it('does not interoperate with other keys', () => {
    const server = new SecureMessagingChannel(keys);
    const card = new CardSecureMessaging({
      kEnc: keys.kEnc,
      kMac: Buffer.from('1234567890ABCDEG'),
    });
    const [first] = server.protect(cases.slice(0, 1));
    expect(codeOf(() => card.unprotectCommand(first ?? Buffer.alloc(0)))).toBe('mac');
  });
});
