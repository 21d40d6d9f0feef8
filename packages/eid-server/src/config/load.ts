import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ConfigError, parseYamlConfig, readConfigFile } from '@sidbox/protocol/config-file';
import { ecPrivateKeyFromPem } from '../crypto/brainpool.js';
import { parseCertificateDescription } from '../cvc/certificate-description.js';
import type { TrustList } from '../eac/card-security.js';
import { oidcKeysFromPem, type OidcKeys } from '../oidc/signing-key.js';
import type { TerminalCredentials } from '../session/eac-exchange.js';
import { eidServerConfigSchema, type EidServerConfig, type ServiceConfig } from './schema.js';

/** A service with its files read: what the server needs to run its authentications. */
export interface LoadedService {
  id: string;
  name: string;
  apiKey?: Buffer;
  clientCertificateSha256?: string;
  /** The subjectURL's origin from the certificate description; a RefreshAddress may use it. */
  subjectOrigin: string;
  refreshAddressOrigins: string[];
  /** The hub member whose eID apps run with this service. */
  organisation?: string;
  credentials: TerminalCredentials;
}

/** Where the members' eID apps come from. */
export interface LoadedHub {
  url: string;
  apiKey: string;
  refreshSeconds: number;
}

export interface LoadedConfig {
  config: EidServerConfig;
  tls: { key: string; certificate: string };
  trust: TrustList;
  services: Map<string, LoadedService>;
  hub?: LoadedHub;
  /** The OpenID Connect provider's keys, when it is configured. */
  oidc?: OidcKeys;
}

export async function loadEidServerConfig(file: string): Promise<LoadedConfig> {
  const config = parseYamlConfig(await readConfigFile(file), eidServerConfigSchema);
  const files = new ConfigFiles(dirname(resolve(file)));
  const tls = {
    key: (await files.read('tls.key', config.tls.key)).toString('utf8'),
    certificate: (await files.read('tls.certificate', config.tls.certificate)).toString('utf8'),
  };
  const trust: TrustList = {
    certificates: await Promise.all(
      config.trust.certificates.map((path, index) =>
        files.certificate(`trust.certificates.${index}`, path),
      ),
    ),
  };
  const services = new Map<string, LoadedService>();
  for (const [index, service] of config.services.entries()) {
    services.set(service.id, await loadService(files, `services.${index}`, service));
  }
  const hub = config.hub && {
    url: config.hub.url,
    apiKey: await files.secret('hub.apiKeyFile', config.hub.apiKeyFile),
    refreshSeconds: config.hub.refreshSeconds,
  };
  const oidc = config.oidc && (await files.oidcKeys('oidc.signingKey', config.oidc.signingKey));
  files.throwIfProblems();
  return { config, tls, trust, services, ...(hub && { hub }), ...(oidc && { oidc }) };
}

async function loadService(
  files: ConfigFiles,
  at: string,
  service: ServiceConfig,
): Promise<LoadedService> {
  const terminal = service.terminal;
  const certificates = await Promise.all(
    terminal.certificates.map((path, index) =>
      files.read(`${at}.terminal.certificates.${index}`, path),
    ),
  );
  const description = await files.read(
    `${at}.terminal.certificateDescription`,
    terminal.certificateDescription,
  );
  const atPrivateKey = await files.key(`${at}.terminal.privateKey`, terminal.privateKey);
  const sectorPrivateKey = terminal.sectorPrivateKey
    ? await files.key(`${at}.terminal.sectorPrivateKey`, terminal.sectorPrivateKey)
    : undefined;
  const apiKey = service.apiKeyFile
    ? Buffer.from(
        (await files.read(`${at}.apiKeyFile`, service.apiKeyFile)).toString('utf8').trim(),
      )
    : undefined;
  return {
    id: service.id,
    name: service.name,
    ...(apiKey !== undefined && { apiKey }),
    ...(service.clientCertificateSha256 !== undefined && {
      clientCertificateSha256: service.clientCertificateSha256,
    }),
    subjectOrigin: files.subjectOrigin(`${at}.terminal.certificateDescription`, description),
    refreshAddressOrigins: service.refreshAddressOrigins.map((url) => new URL(url).origin),
    ...(service.organisation !== undefined && { organisation: service.organisation }),
    credentials: {
      certificates,
      atPrivateKey,
      certificateDescription: description,
      ...(sectorPrivateKey !== undefined && { sectorPrivateKey }),
    },
  };
}

/** Reads the files a configuration names, collecting every problem before giving up. */
class ConfigFiles {
  readonly #problems: { path: string; message: string }[] = [];

  constructor(private readonly base: string) {}

  async read(at: string, path?: string): Promise<Buffer> {
    const name = path ?? at;
    try {
      return await readFile(resolve(this.base, name));
    } catch (error) {
      this.#problems.push({
        path: at,
        message: `${name}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`,
      });
      return Buffer.alloc(0);
    }
  }

  /** A key in a text file, trimmed; an empty file is a problem. */
  async secret(at: string, path: string): Promise<string> {
    const bytes = await this.read(at, path);
    const value = bytes.toString('utf8').trim();
    if (bytes.length > 0 && value === '')
      this.#problems.push({ path: at, message: `${path}: empty` });
    return value;
  }

  async key(at: string, path: string): Promise<Buffer> {
    const pem = await this.read(at, path);
    if (pem.length === 0) return pem;
    try {
      return ecPrivateKeyFromPem(pem.toString('utf8'));
    } catch {
      this.#problems.push({
        path: at,
        message: `${path}: not a brainpoolP256r1 private key (PKCS#8 PEM)`,
      });
      return Buffer.alloc(0);
    }
  }

  async oidcKeys(at: string, path: string): Promise<OidcKeys | undefined> {
    const pem = await this.read(at, path);
    if (pem.length === 0) return undefined;
    try {
      return oidcKeysFromPem(pem.toString('utf8'));
    } catch {
      this.#problems.push({ path: at, message: `${path}: not an EC P-256 private key (PEM)` });
      return undefined;
    }
  }

  /** A certificate as DER, from a DER or PEM file. */
  async certificate(at: string, path: string): Promise<Buffer> {
    const bytes = await this.read(at, path);
    const pem = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(
      bytes.toString('latin1'),
    );
    return pem?.[1] !== undefined ? Buffer.from(pem[1].replace(/\s+/g, ''), 'base64') : bytes;
  }

  subjectOrigin(at: string, description: Buffer): string {
    if (description.length === 0) return '';
    try {
      return new URL(parseCertificateDescription(description).subjectUrl).origin;
    } catch {
      this.#problems.push({ path: at, message: 'not a certificate description with a subjectURL' });
      return '';
    }
  }

  throwIfProblems(): void {
    if (this.#problems.length > 0) throw new ConfigError('config-invalid', this.#problems);
  }
}
