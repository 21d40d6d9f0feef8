import { decodeTlv, decodeTlvs, encodeTlv, type Tlv } from '../asn1/tlv.js';
import { oidContent, oids } from '../asn1/oids.js';
import { CvcError } from './cvc-error.js';

/**
 * The Certificate Holder Authorization Template of an authentication terminal (TR-03110-3
 * C.4.2): 7F4C { 06 id-AT, 53 five-byte bitmap }, bit 0 the rightmost. The top two bits are
 * the role; bits 29–32 are reserved and ignored.
 */
export type ChatRole = 'at' | 'dvNonOfficial' | 'dvOfficial' | 'cvca';

type DataGroupNumber =
  1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20 | 21;
type WritableDataGroupNumber = 17 | 18 | 19 | 20 | 21;

export type ChatRight =
  | 'ageVerification'
  | 'communityIdVerification'
  | 'restrictedIdentification'
  | 'privilegedTerminal'
  | 'canAllowed'
  | 'pinManagement'
  | 'installCertificate'
  | 'installQualifiedCertificate'
  | `readDG${DataGroupNumber}`
  | `writeDG${WritableDataGroupNumber}`;

const ROLES: readonly ChatRole[] = ['at', 'dvNonOfficial', 'dvOfficial', 'cvca'];
const TEMPLATE_LENGTH = 5;
const ROLE_SHIFT = 38n;

function bitTable(): ReadonlyMap<ChatRight, number> {
  const bits = new Map<ChatRight, number>([
    ['ageVerification', 0],
    ['communityIdVerification', 1],
    ['restrictedIdentification', 2],
    ['privilegedTerminal', 3],
    ['canAllowed', 4],
    ['pinManagement', 5],
    ['installCertificate', 6],
    ['installQualifiedCertificate', 7],
  ]);
  for (let group = 1; group <= 21; group++) {
    bits.set(`readDG${group as DataGroupNumber}`, 7 + group);
  }
  // Write access runs the other way: DG17 is bit 37, DG21 bit 33.
  for (let group = 17; group <= 21; group++) {
    bits.set(`writeDG${group as WritableDataGroupNumber}`, 54 - group);
  }
  return bits;
}

/** Each right's bit number in the 40-bit template. */
export const chatRightBits: ReadonlyMap<ChatRight, number> = bitTable();

/** Every right an authentication terminal's CHAT can carry. */
export const allChatRights: readonly ChatRight[] = [...chatRightBits.keys()];

/** The whole 7F4C TLV for an authentication terminal. */
export function encodeChat(role: ChatRole, rights: Iterable<ChatRight>): Buffer {
  const roleIndex = ROLES.indexOf(role);
  if (roleIndex < 0) throw new CvcError('invalid-chat', 'unknown role');
  let bitmap = BigInt(roleIndex) << ROLE_SHIFT;
  for (const right of rights) {
    const bit = chatRightBits.get(right);
    if (bit === undefined) throw new CvcError('invalid-chat', 'unknown access right');
    bitmap |= 1n << BigInt(bit);
  }
  const template = Buffer.from(bitmap.toString(16).padStart(TEMPLATE_LENGTH * 2, '0'), 'hex');
  return encodeTlv(0x7f4c, [
    encodeTlv(0x06, oidContent(oids.chatAuthenticationTerminal)),
    encodeTlv(0x53, template),
  ]);
}

function childrenOf(bytes: Buffer): Tlv[] {
  try {
    return decodeTlvs(decodeTlv(bytes, 0x7f4c).value);
  } catch {
    throw new CvcError('invalid-chat', 'a CHAT is one 7F4C TLV of whole TLVs');
  }
}

/** The role and rights in a 7F4C TLV; only id-AT templates are accepted. */
export function decodeChat(bytes: Buffer): { role: ChatRole; rights: Set<ChatRight> } {
  const [type, template, ...rest] = childrenOf(bytes);
  if (type?.tag !== 0x06 || !type.value.equals(oidContent(oids.chatAuthenticationTerminal))) {
    throw new CvcError('invalid-chat', 'the CHAT is not for an authentication terminal');
  }
  if (template?.tag !== 0x53 || template.value.length !== TEMPLATE_LENGTH || rest.length > 0) {
    throw new CvcError('invalid-chat', 'the CHAT template is not five bytes in tag 53');
  }
  const bitmap = BigInt(`0x${template.value.toString('hex')}`);
  // Two bits index the four roles.
  const role = ROLES[Number(bitmap >> ROLE_SHIFT)] as ChatRole;
  const rights = new Set<ChatRight>();
  for (const [right, bit] of chatRightBits) {
    if ((bitmap >> BigInt(bit)) & 1n) rights.add(right);
  }
  return { role, rights };
}
