import { createHash } from 'node:crypto';
import { ecPrivateKeyToPem, generateEcKeyPair } from '../crypto/brainpool.js';
import { encodeCertificateDescription } from '../cvc/certificate-description.js';
import { signCvc } from '../cvc/certificate.js';
import { encodeChat, type ChatRight } from '../cvc/chat.js';
import { cvcDateOf } from '../cvc/cvc-date.js';
import { descriptionExtension, terminalSectorExtension } from '../cvc/extensions.js';
import { createTlsCertificate } from './tls-certificate.js';

/**
 * A complete terminal PKI made in memory for tests and demos. AusweisApp builds chains by
 * CAR/CHR names only, so a DV certificate whose CAR is the AusweisApp Simulator's trust anchor
 * name, signed by any key, is accepted once pre-verification is off. No real card trusts it.
 */
export interface TestPkiOptions {
  /** The origin of the tcTokenURL, e.g. https://localhost:4443: the description's subjectURL. */
  origin: string;
  serviceName: string;
  /** DNS names and IP addresses for the TLS certificate. */
  hosts: string[];
  /**
   * More services under the same DV, each with its own authorization certificate, description
   * and sector key (so its own pseudonyms), on this server's origin.
   */
  moreTerminals?: { serviceName: string }[];
  now?: Date;
}

/** One service's terminal: its AT certificate (under the DV), key, description, sector key. */
export interface TestTerminal {
  atCertificate: Buffer;
  atPrivateKeyPem: string;
  certificateDescription: Buffer;
  sectorPrivateKeyPem: string;
  sectorPublicKey: Buffer;
}

/** The first terminal's fields at the top, the others in `moreTerminals`. */
export interface TestPki extends TestTerminal {
  tls: { keyPem: string; certPem: string };
  cvcaPublicKey: Buffer;
  dvCertificate: Buffer;
  moreTerminals: TestTerminal[];
}

/** The CHR of the AusweisApp Simulator's CVCA. */
export const SIMULATOR_CVCA_NAME = 'DETESTeID00005';
export const TEST_DV_NAME = 'DESIDBOXDV00001';

/** The CHR of the n-th authorization certificate: DESIDBOXAT00001, DESIDBOXAT00002, … */
export const testAtName = (index: number) => `DESIDBOXAT${String(index + 1).padStart(5, '0')}`;

/** Everything an eService may ask a card for; never write access or PIN management. */
function eServiceRights(): ChatRight[] {
  const dataGroups = Array.from({ length: 21 }, (_, index) => `readDG${index + 1}` as ChatRight);
  return ['ageVerification', 'communityIdVerification', 'restrictedIdentification', ...dataGroups];
}

// AusweisApp finds the provider's address and purpose in the plain text by these headings.
function termsOfUsage(serviceName: string, origin: string): string {
  return [
    'Name, Anschrift und E-Mail-Adresse des Diensteanbieters:',
    serviceName,
    origin,
    '',
    'Geschäftszweck:',
    'Test der Online-Ausweisfunktion / Testing the online eID function',
    '',
    'Hinweis auf die für den Diensteanbieter zuständigen Stellen, die die Einhaltung der ' +
      'Vorschriften zum Datenschutz kontrollieren:',
    'Testumgebung ohne echte Ausweisdaten / Test setup without real ID card data',
  ].join('\r\n');
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function createTestPki(options: TestPkiOptions): Promise<TestPki> {
  const now = options.now ?? new Date();
  const tls = await createTlsCertificate(options.hosts, now);
  const cvca = generateEcKeyPair();
  const dv = generateEcKeyPair();
  const validity = {
    effectiveDate: cvcDateOf(new Date(now.getTime() - DAY_MS)),
    expirationDate: cvcDateOf(new Date(now.getTime() + 365 * DAY_MS)),
  };
  const dvCertificate = signCvc(
    {
      car: SIMULATOR_CVCA_NAME,
      chr: TEST_DV_NAME,
      publicKey: dv.publicKey,
      chat: encodeChat('dvNonOfficial', eServiceRights()),
      ...validity,
      extensions: [],
    },
    cvca.privateKey,
  );
  const terminal = (serviceName: string, index: number): TestTerminal => {
    const at = generateEcKeyPair();
    const sector = generateEcKeyPair();
    const certificateDescription = encodeCertificateDescription({
      issuerName: 'SIDbox test DV',
      subjectName: serviceName,
      subjectUrl: options.origin,
      termsOfUsage: termsOfUsage(serviceName, options.origin),
      commCertificates: [createHash('sha256').update(tls.certDer).digest()],
    });
    const atCertificate = signCvc(
      {
        car: TEST_DV_NAME,
        chr: testAtName(index),
        publicKey: at.publicKey,
        chat: encodeChat('at', eServiceRights()),
        ...validity,
        extensions: [
          descriptionExtension(certificateDescription),
          terminalSectorExtension(sector.publicKey),
        ],
      },
      dv.privateKey,
    );
    return {
      atCertificate: atCertificate.bytes,
      atPrivateKeyPem: ecPrivateKeyToPem(at.privateKey),
      certificateDescription,
      sectorPrivateKeyPem: ecPrivateKeyToPem(sector.privateKey),
      sectorPublicKey: sector.publicKey,
    };
  };
  return {
    tls: { keyPem: tls.keyPem, certPem: tls.certPem },
    cvcaPublicKey: cvca.publicKey,
    dvCertificate: dvCertificate.bytes,
    ...terminal(options.serviceName, 0),
    moreTerminals: (options.moreTerminals ?? []).map(({ serviceName }, index) =>
      terminal(serviceName, index + 1),
    ),
  };
}
