import { z } from 'zod';

/** A language tag as the kiosk UI offers it: two lower-case letters (ISO 639-1). */
export const LanguageTag = z
  .string()
  .regex(/^[a-z]{2}$/, 'a two-letter language code such as "de"')
  .describe('ISO 639-1 language code, e.g. "de", "en", "tr".');

/** A text in several languages; German is always present. */
export const LocalizedText = (maxLength: number) =>
  z
    .record(LanguageTag, z.string().trim().min(1).max(maxLength))
    .refine((texts) => typeof texts['de'] === 'string', {
      message: 'a German ("de") text is required',
    })
    .describe('Text per language; "de" is required, others optional.');
export type LocalizedText = Record<string, string>;

/** An origin the kiosk browser may reach: scheme, host and optional port, no path. */
export const Origin = z
  .string()
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/, 'an origin such as "https://example.org"')
  .describe('Web origin (scheme://host[:port]) without path.');

/** A stable, URL-safe identifier. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes, at most 63')
  .describe('Stable identifier: lower-case letters, digits and dashes.');

export const serviceCategories = [
  'eid',
  'vehicle',
  'residence',
  'certificates',
  'pension-tax',
  'education',
  'business',
  'other',
] as const;
export const ServiceCategory = z
  .enum(serviceCategories)
  .describe('Group the kiosk UI shows the service under.');
export type ServiceCategory = z.infer<typeof ServiceCategory>;

/** One eID service the citizen can open on the terminal. */
export const ServiceEntry = z.strictObject({
  id: Slug.describe('Catalogue id of the service.'),
  title: LocalizedText(80).describe('Title on the service tile, per language.'),
  description: LocalizedText(200).describe('One-line description on the tile, per language.'),
  category: ServiceCategory.default('other'),
  startUrl: z
    .url({ protocol: /^https?$/ })
    .describe(
      'Page the kiosk browser opens when the citizen picks the service; "{lang}" in it becomes the citizen\'s language (e.g. ?lang={lang}).',
    ),
  allowedOrigins: z
    .array(Origin)
    .max(32)
    .default([])
    .describe('Origins the browser may reach besides the start URL origin.'),
  redirectOrigins: z
    .array(Origin)
    .max(32)
    .default([])
    .describe('Origins of the declared redirect chain (e.g. eID server, payment provider).'),
  eid: z.boolean().default(false).describe('The service starts an eID authentication.'),
  selfCheck: z
    .boolean()
    .default(false)
    .describe(
      '"Online-Ausweis testen" at the association\'s eID-Server: the kiosk offers it right after a PIN change.',
    ),
  allowDownloads: z
    .boolean()
    .default(false)
    .describe('Downloads are allowed (wiped at session end).'),
  allowPrint: z.boolean().default(false).describe('Printing is allowed (comfort terminals).'),
  allowUpload: z.boolean().default(false).describe('File upload from the scanner is allowed.'),
});
export type ServiceEntry = z.infer<typeof ServiceEntry>;

export const SessionTimeouts = z.strictObject({
  idleSeconds: z
    .number()
    .int()
    .min(30)
    .max(3600)
    .default(180)
    .describe('Seconds without input before the end-of-session warning.'),
  warningSeconds: z
    .number()
    .int()
    .min(5)
    .max(300)
    .default(30)
    .describe('Seconds the warning is shown before the session is wiped.'),
  matGraceSeconds: z
    .number()
    .int()
    .min(0)
    .max(60)
    .default(5)
    .describe('Seconds after leaving the contact mat before the session is wiped.'),
});
export type SessionTimeouts = z.infer<typeof SessionTimeouts>;

const HexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as "#004b87"');

export const Branding = z.strictObject({
  memberName: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .describe('Name of the operating member, shown in the header.'),
  logoUrl: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe('Logo of the member; none shows the name only.'),
  colours: z
    .strictObject({
      primary: HexColour.default('#004b87').describe('Header and primary buttons.'),
      accent: HexColour.default('#f5a800').describe('Highlights and focus rings.'),
    })
    .prefault({})
    .describe('Colours of the kiosk UI.'),
});
export type Branding = z.infer<typeof Branding>;

/** A smartphone app the kiosk UI offers as a QR code (e.g. AusweisApp for the phone). */
export const SmartphoneApp = z.strictObject({
  id: Slug.describe('Identifier of the app entry.'),
  title: LocalizedText(80).describe('Caption under the QR code, per language.'),
  url: z.url({ protocol: /^https$/ }).describe('Target the QR code encodes.'),
});
export type SmartphoneApp = z.infer<typeof SmartphoneApp>;

/** The configuration a terminal runs with: rendered and signed by the hub. */
export const TerminalConfig = z.strictObject({
  terminalId: z.uuid().describe('Terminal this configuration is for; others must refuse it.'),
  version: z
    .number()
    .int()
    .min(1)
    .describe(
      'Increases with every issued configuration of this terminal; older ones are refused.',
    ),
  issuedAt: z.iso.datetime({ offset: true }).describe('When the hub issued this version.'),
  services: z.array(ServiceEntry).max(200).default([]).describe('Services in display order.'),
  session: SessionTimeouts.prefault({}).describe('Session timeouts.'),
  languages: z
    .array(LanguageTag)
    .min(1)
    .max(20)
    .default(['de', 'en'])
    .describe('Languages the kiosk UI offers; the first is the default.'),
  training: z
    .boolean()
    .default(false)
    .describe('Training mode: simulated card, events flagged as training.'),
  branding: Branding.describe('Look of the kiosk UI.'),
  apps: z.array(SmartphoneApp).max(10).default([]).describe('Smartphone apps offered as QR codes.'),
  eidServerOrigin: z
    .url({ protocol: /^https$/ })
    .optional()
    .describe(
      'The association\'s eID-Server (set by the hub when it has one): the kiosk offers "Ihr Smartphone einrichten" with a one-time check there.',
    ),
});
export type TerminalConfig = z.infer<typeof TerminalConfig>;
export type TerminalConfigInput = z.input<typeof TerminalConfig>;

/** A configuration before the hub issues it: everything but version and issue time. */
export const TerminalConfigContent = TerminalConfig.omit({ version: true, issuedAt: true });
export type TerminalConfigContent = z.infer<typeof TerminalConfigContent>;

/** JSON Schema of the terminal configuration, for operators and external tools. */
export const terminalConfigJsonSchema = z.toJSONSchema(TerminalConfig, { io: 'input' });

/** A Linux input key code (`evtest` shows it, e.g. 183 = KEY_F13). */
const KeyCode = z.number().int().min(1).max(767);

/**
 * One evdev input device (a contact-mat controller or a foot switch presenting as a USB keyboard
 * or HID): exactly one of path, byId or vendorProduct names it.
 */
export const InputDeviceConfig = z
  .strictObject({
    name: Slug.describe('Name shown in diagnostics, e.g. "mat-controller".'),
    path: z
      .string()
      .regex(/^\//, 'an absolute path')
      .optional()
      .describe('Device node, e.g. /dev/input/event3 (changes with the USB port; prefer byId).'),
    byId: z
      .string()
      .min(1)
      .optional()
      .describe('Part of the /dev/input/by-id name, e.g. "usb-Mat_Controller"; event nodes only.'),
    vendorProduct: z
      .string()
      .regex(/^[0-9a-fA-F]{4}:[0-9a-fA-F]{4}$/, 'vendor:product in hex, e.g. "16c0:05df"')
      .optional()
      .describe('USB vendor:product id in hex (lsusb shows it).'),
    keys: z
      .strictObject({
        presence: KeyCode.optional().describe('Key code of the contact mat: pressed = present.'),
        reset: KeyCode.optional().describe('Key code of the reset button.'),
      })
      .refine((keys) => keys.presence !== undefined || keys.reset !== undefined, {
        message: 'name at least one key: presence or reset',
      })
      .describe('Key codes per role (find them with evtest).'),
    debounceMs: z
      .number()
      .int()
      .min(0)
      .max(2000)
      .default(50)
      .describe('A change counts once the key has been stable this long.'),
    longPressMs: z
      .number()
      .int()
      .min(500)
      .max(30000)
      .default(3000)
      .describe('Holding reset this long opens the staff menu instead of ending the session.'),
    grab: z
      .boolean()
      .default(true)
      .describe('Grab the device (EVIOCGRAB) so its keys never reach the browser.'),
  })
  .refine(
    (input) =>
      [input.path, input.byId, input.vendorProduct].filter((v) => v !== undefined).length === 1,
    { message: 'name the device by exactly one of path, byId or vendorProduct' },
  );
export type InputDeviceConfig = z.infer<typeof InputDeviceConfig>;

/** The terminal's own hardware; local to the stick, never part of the hub's configuration. */
export const DevicesConfig = z.strictObject({
  inputs: z
    .array(InputDeviceConfig)
    .max(4)
    .default([])
    .describe('Contact mat and reset button controllers; none: idle timeout only.'),
  cardReader: z
    .strictObject({
      enabled: z
        .boolean()
        .default(true)
        .describe('Watch readers and cards through pcscd (card left behind, no reader).'),
      pcscdSocket: z
        .string()
        .regex(/^\//, 'an absolute path')
        .default('/run/pcscd/pcscd.comm')
        .describe("pcscd's socket."),
    })
    .optional()
    .describe("Card reader awareness from PC/SC; absent: AusweisApp's reader events only."),
  printer: z
    .strictObject({
      queue: z
        .string()
        .regex(/^[A-Za-z0-9_.-]{1,127}$/, 'a CUPS queue name')
        .describe('CUPS queue (lpstat -p lists them).'),
    })
    .optional()
    .describe('Printer for services with allowPrint (comfort terminal).'),
  scanner: z
    .strictObject({
      device: z
        .string()
        .min(1)
        .max(200)
        .describe('SANE device as `scanimage -L` shows it, e.g. "epsonds:libusb:001:004".'),
      resolutionDpi: z
        .number()
        .int()
        .min(75)
        .max(600)
        .default(200)
        .describe('Scan resolution in dpi.'),
      mode: z.enum(['Gray', 'Color']).default('Gray').describe('Colour mode.'),
      maxPages: z
        .number()
        .int()
        .min(1)
        .max(50)
        .default(10)
        .describe(
          'The most pages a citizen can scan into one document (one page per tap, with a preview each).',
        ),
    })
    .optional()
    .describe('Scanner for services with allowUpload (comfort terminal).'),
});
export type DevicesConfig = z.infer<typeof DevicesConfig>;

/**
 * A configuration written locally (`sidbox terminal --config file.yaml`): the same keys, but the
 * hub-issued identity (terminalId, version, issuedAt) is optional because no hub issued it.
 */
export const LocalTerminalConfig = TerminalConfig.extend({
  terminalId: TerminalConfig.shape.terminalId.optional(),
  version: TerminalConfig.shape.version.optional(),
  issuedAt: TerminalConfig.shape.issuedAt.optional(),
  devices: DevicesConfig.optional().describe(
    'Hardware of this terminal (contact mat, reset button, card reader, printer, scanner).',
  ),
  staff: z
    .strictObject({
      pinHash: z
        .string()
        .regex(/^\$argon2id\$/, 'a hash from `sidbox staff-pin-hash`')
        .max(300)
        .describe('argon2id hash of the staff PIN (`sidbox staff-pin-hash` makes one).'),
    })
    .optional()
    .describe('The staff menu (long press on reset); absent: no staff menu.'),
  testEidServer: z
    .strictObject({
      tlsSpkiSha256: z
        .array(z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'base64 of a SHA-256 digest'))
        .min(1)
        .max(4)
        .describe(
          "Base64 SHA-256 of the test server's TLS public key (SPKI), as `sidbox eid-server test-pki` prints it.",
        ),
    })
    .optional()
    .describe(
      "Demos and tests only, never a production terminal: a `sidbox eid-server test-pki` server. The kiosk browser accepts its self-signed TLS certificate, AusweisApp its test authorization certificates (pre-verification off), and the kiosk offers AusweisApp's Simulator card.",
    ),
});
export type LocalTerminalConfig = z.infer<typeof LocalTerminalConfig>;
export type LocalTerminalConfigInput = z.input<typeof LocalTerminalConfig>;

/** JSON Schema of a locally written terminal configuration (YAML files on the stick). */
export const localTerminalConfigJsonSchema = z.toJSONSchema(LocalTerminalConfig, { io: 'input' });
