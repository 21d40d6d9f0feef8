import { encodeTlv } from '../../src/asn1/tlv.js';
import { oids } from '../../src/asn1/oids.js';
import { ecdsaVerify } from '../../src/crypto/brainpool.js';
import { parseAuxiliaryData, type AuxiliaryData } from '../../src/cvc/auxiliary-data.js';
import { parseCvc, verifyCvcSignature, type Cvc } from '../../src/cvc/certificate.js';
import { decodeChat, type ChatRight, type ChatRole } from '../../src/cvc/chat.js';
import { holdsOid, objects } from './data-objects.js';
import { sw } from './status-words.js';

/**
 * The card's side of Terminal Authentication version 2 (TR-03110-3 B.3 / B.11): the terminal's
 * chain imported certificate by certificate from the trust anchor (MSE:Set DST, PSO:Verify
 * Certificate), the terminal named with its ephemeral key and auxiliary data (MSE:Set AT), a
 * challenge (GET CHALLENGE, in AusweisApp's order before the chain), and the terminal's signature
 * (EXTERNAL AUTHENTICATE) checked over ID_PICC ‖ r_PICC ‖ Comp(PK_PCD) ‖ A_PCD.
 */
export interface TrustAnchor {
  /** The CVCA's CHR, which the first certificate's CAR must name. */
  name: string;
  publicKey: Buffer;
}

/** What a successful Terminal Authentication leaves the card with. */
export interface AuthenticatedTerminal {
  /** The rights of the terminal's chain (AT ∩ DV), before the PACE CHAT is applied. */
  rights: Set<ChatRight>;
  auxiliaryData: AuxiliaryData;
  /** Comp(PK_PCD): Chip Authentication must use the same ephemeral key. */
  ephemeralKeyX: Buffer;
}

interface KnownKey {
  publicKey: Buffer;
  role: ChatRole | 'anchor';
  rights: Set<ChatRight>;
  /** The CHR of the key that signed this one's certificate. */
  issuer?: string;
}

interface SelectedTerminal {
  terminal: KnownKey;
  auxiliaryData: Buffer;
  parsedAuxiliaryData: AuxiliaryData;
  ephemeralKeyX: Buffer;
}

const COMPRESSED_KEY_LENGTH = 32;
const signerRoles: Readonly<Record<KnownKey['role'], readonly ChatRole[]>> = {
  anchor: ['cvca', 'dvOfficial', 'dvNonOfficial'],
  cvca: ['cvca', 'dvOfficial', 'dvNonOfficial'],
  dvOfficial: ['at'],
  dvNonOfficial: ['at'],
  at: [],
};

export type ExternalAuthentication =
  { sw: typeof sw.ok; terminal: AuthenticatedTerminal } | { sw: number; terminal?: undefined };

export class CardTerminalAuthentication {
  readonly #keys = new Map<string, KnownKey>();
  #selectedKey: string | undefined;
  #selectedTerminal: SelectedTerminal | undefined;
  #challenge: Buffer | undefined;

  /** `today` is 'YYYY-MM-DD': certificates that expired before it are refused. */
  constructor(
    anchor: TrustAnchor,
    private readonly today: string,
  ) {
    this.#keys.set(anchor.name, { publicKey: anchor.publicKey, role: 'anchor', rights: new Set() });
  }

  /** MSE:Set DST: the key the next certificate must be signed with, by its CHR (83). */
  setDigitalSignatureTemplate(data: Buffer): number {
    const name = objects(data).get(0x83)?.value.toString('latin1');
    if (name === undefined) return sw.wrongData;
    if (!this.#keys.has(name)) return sw.referenceNotFound;
    this.#selectedKey = name;
    return sw.ok;
  }

  /** PSO:Verify Certificate: 7F4E body ‖ 5F37 signature, checked with the selected key. */
  verifyCertificate(data: Buffer): number {
    const issuerName = this.#selectedKey;
    this.#selectedKey = undefined;
    const issuer = issuerName === undefined ? undefined : this.#keys.get(issuerName);
    if (issuerName === undefined || issuer === undefined) return sw.conditionsOfUseNotSatisfied;
    let certificate: Cvc;
    try {
      certificate = parseCvc(encodeTlv(0x7f21, data));
    } catch {
      return sw.wrongData;
    }
    const { body } = certificate;
    const { role, rights } = decodeChat(body.chat);
    if (body.car !== issuerName || !signerRoles[issuer.role].includes(role)) return sw.wrongData;
    if (!verifyCvcSignature(certificate, issuer.publicKey) || body.expirationDate < this.today) {
      return sw.verificationFailed;
    }
    this.#keys.set(body.chr, { publicKey: body.publicKey, role, rights, issuer: issuerName });
    return sw.ok;
  }

  /** MSE:Set AT: 80 id-TA-ECDSA-SHA-256, 83 the terminal's CHR, 67 auxiliary data, 91 Comp(PK). */
  setAuthenticationTemplate(data: Buffer): number {
    const found = objects(data);
    const terminal = this.#keys.get(found.get(0x83)?.value.toString('latin1') ?? '');
    const ephemeralKeyX = found.get(0x91)?.value;
    if (!holdsOid(found.get(0x80), oids.taEcdsaSha256)) return sw.wrongData;
    if (ephemeralKeyX?.length !== COMPRESSED_KEY_LENGTH) return sw.wrongData;
    if (terminal?.role !== 'at') return sw.referenceNotFound;
    const auxiliary = found.get(0x67);
    const auxiliaryData =
      auxiliary === undefined ? Buffer.alloc(0) : encodeTlv(0x67, auxiliary.value);
    let parsedAuxiliaryData: AuxiliaryData = {};
    try {
      if (auxiliary !== undefined) parsedAuxiliaryData = parseAuxiliaryData(auxiliaryData);
    } catch {
      return sw.wrongData;
    }
    this.#selectedTerminal = { terminal, auxiliaryData, parsedAuxiliaryData, ephemeralKeyX };
    return sw.ok;
  }

  challenge(challenge: Buffer): void {
    this.#challenge = challenge;
  }

  /** The terminal's signature; a challenge serves one attempt only. */
  externalAuthenticate(idPicc: Buffer, signature: Buffer): ExternalAuthentication {
    const selected = this.#selectedTerminal;
    const challenge = this.#challenge;
    this.#challenge = undefined;
    if (selected === undefined || challenge === undefined) {
      return { sw: sw.conditionsOfUseNotSatisfied };
    }
    const signed = Buffer.concat([
      idPicc,
      challenge,
      selected.ephemeralKeyX,
      selected.auxiliaryData,
    ]);
    if (!ecdsaVerify(selected.terminal.publicKey, signed, signature)) {
      return { sw: sw.verificationFailed };
    }
    return {
      sw: sw.ok,
      terminal: {
        rights: this.#chainRights(selected.terminal),
        auxiliaryData: selected.parsedAuxiliaryData,
        ephemeralKeyX: selected.ephemeralKeyX,
      },
    };
  }

  /** The terminal's rights as its chain limits them: each DV's CHAT bounds its terminals. */
  #chainRights(terminal: KnownKey): Set<ChatRight> {
    const rights = new Set(terminal.rights);
    for (let key = this.#issuerOf(terminal); key !== undefined; key = this.#issuerOf(key)) {
      if (key.role === 'anchor' || key.role === 'cvca') break;
      for (const right of rights) if (!key.rights.has(right)) rights.delete(right);
    }
    return rights;
  }

  #issuerOf(key: KnownKey): KnownKey | undefined {
    return key.issuer === undefined ? undefined : this.#keys.get(key.issuer);
  }
}
