import { z } from 'zod';

const file = z.string().min(1).describe('a path, relative to the configuration file');

const serviceId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes');

const terminalSchema = z
  .object({
    certificates: z
      .array(file)
      .min(1)
      .describe(
        'the CVC chain the card needs, DV certificate first, the authorization certificate last',
      ),
    privateKey: file.describe('the authorization certificate key (PKCS#8 PEM, brainpoolP256r1)'),
    certificateDescription: file.describe(
      'the certificate description (DER) the AT certificate hashes',
    ),
    sectorPrivateKey: file
      .optional()
      .describe(
        'the sector key for Restricted Identification (PKCS#8 PEM); without it no pseudonym',
      ),
  })
  .strict();

const serviceSchema = z
  .object({
    id: serviceId,
    name: z.string().min(1).describe('for logs and the operator, not for citizens'),
    apiKeyFile: file
      .optional()
      .describe('a file holding the key the eService sends as "Authorization: Bearer <key>"'),
    clientCertificateSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, '64 lower-case hex digits')
      .optional()
      .describe(
        'SHA-256 of the DER client certificate an eService may authenticate with (mutual TLS)',
      ),
    refreshAddressOrigins: z
      .array(z.url({ protocol: /^https$/ }))
      .default([])
      .describe(
        'origins an eService may name as RefreshAddress in the JSON API (the subjectURL origin is always allowed)',
      ),
    organisation: z
      .uuid()
      .optional()
      .describe("the hub member whose eID apps run with this service's certificate and sector key"),
    terminal: terminalSchema,
  })
  .strict()
  .refine(
    (service) => service.apiKeyFile !== undefined || service.clientCertificateSha256 !== undefined,
    {
      message:
        'a service needs apiKeyFile or clientCertificateSha256 to call the eService interface',
    },
  );

export const eidServerConfigSchema = z
  .object({
    listen: z
      .object({
        host: z.string().default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(4443),
      })
      .strict()
      .default({ host: '127.0.0.1', port: 4443 }),
    publicOrigin: z
      .url({ protocol: /^https$/ })
      .describe(
        'how eID-Clients reach this server (TC token and PAOS addresses): https://host[:port]',
      ),
    tls: z.object({ key: file, certificate: file }).strict(),
    trust: z
      .object({
        certificates: z
          .array(file)
          .min(1)
          .describe(
            'CSCA (or document signer) certificates, DER or PEM, that sign EF.CardSecurity',
          ),
      })
      .strict(),
    sessions: z
      .object({
        ttlSeconds: z.number().int().min(30).max(3600).default(600),
        resultTtlSeconds: z.number().int().min(10).max(3600).default(300),
        maxOpen: z.number().int().min(1).default(10_000),
      })
      .strict()
      .default({ ttlSeconds: 600, resultTtlSeconds: 300, maxOpen: 10_000 }),
    selfCheck: z
      .object({ service: serviceId })
      .strict()
      .optional()
      .describe('serve the "Online-Ausweis testen" pages with this service'),
    phoneCheck: z
      .object({
        enabled: z.boolean().default(true),
        linkTtlSeconds: z
          .number()
          .int()
          .min(30)
          .max(1800)
          .default(300)
          .describe("how long the QR code's link can be opened"),
        maxOpen: z
          .number()
          .int()
          .min(1)
          .max(100_000)
          .default(1000)
          .describe('the most checks kept at once: anyone may ask for one, so memory is capped'),
      })
      .strict()
      .default({ enabled: true, linkTtlSeconds: 300, maxOpen: 1000 })
      .describe(
        'the one-time self-check on a citizen\'s phone ("Ihr Smartphone einrichten"), with the selfCheck service',
      ),
    hub: z
      .object({
        url: z.url({ protocol: /^https?$/ }).describe('the hub, e.g. https://hub.example.org'),
        apiKeyFile: file.describe('a file holding the key the hub gave this eID-Server'),
        refreshSeconds: z.number().int().min(1).max(3600).default(30),
      })
      .strict()
      .optional()
      .describe("serve the members' eID apps (/apps/<id>), pulled from the hub"),
    oidc: z
      .object({
        signingKey: file.describe(
          "the ID tokens' signing key: an EC P-256 private key, PEM (ES256); the cookie keys derive from it",
        ),
      })
      .strict()
      .optional()
      .describe(
        'an OpenID Connect provider at <publicOrigin>/oidc for the platforms members register in the hub',
      ),
    services: z.array(serviceSchema).min(1),
  })
  .strict()
  .superRefine((config, context) => {
    const ids = config.services.map((service) => service.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) {
        context.addIssue({
          code: 'custom',
          path: ['services', index, 'id'],
          message: `"${id}" twice`,
        });
      }
    });
    const organisations = config.services.map((service) => service.organisation);
    organisations.forEach((organisation, index) => {
      if (organisation !== undefined && organisations.indexOf(organisation) !== index) {
        context.addIssue({
          code: 'custom',
          path: ['services', index, 'organisation'],
          message: `organisation ${organisation} has a service already`,
        });
      }
    });
    // The platforms (OIDC clients) are registered in the hub and pulled from it.
    if (config.oidc && !config.hub) {
      context.addIssue({ code: 'custom', path: ['oidc'], message: 'needs hub' });
    }
    if (config.selfCheck && !ids.includes(config.selfCheck.service)) {
      context.addIssue({
        code: 'custom',
        path: ['selfCheck', 'service'],
        message: 'no such service',
      });
    }
  });

export type EidServerConfig = z.infer<typeof eidServerConfigSchema>;
export type ServiceConfig = EidServerConfig['services'][number];
