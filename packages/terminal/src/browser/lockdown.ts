import type { NavigationRules } from './kiosk-browser.js';
import { canonicalOrigin, EID_CLIENT_PORT } from './origins.js';

/** A managed-policy JSON document for /etc/chromium/policies/managed/. */
export type ChromiumPolicy = Readonly<Record<string, string | number | boolean | string[]>>;

export interface LockdownOptions {
  /** `kiosk`: fullscreen on a display (cage); `headless`: tests and CI. */
  display: 'kiosk' | 'headless';
  /** The per-browser profile, on tmpfs; thrown away at reset. */
  userDataDir: string;
  /** Printing on this terminal at all (a printer is configured and some service may print). */
  printing: boolean;
  /** Chromium refuses to start as root without it; the production daemon runs unprivileged. */
  noSandbox: boolean;
  /** Headless window size, so screenshots show what a terminal shows (default 1280×800). */
  windowSize?: { width: number; height: number };
  /** Demos and tests: self-signed TLS keys (base64 SHA-256 of the SPKI) accepted anyway. */
  trustedSpki?: string[];
}

export interface Lockdown {
  policy: ChromiumPolicy;
  flags: string[];
}

/**
 * Policy URL filter for exactly one origin. Format `scheme://[.]host[:port]`: a leading dot
 * stops subdomain matching, an explicit port stops other ports (an IP address takes no dot).
 */
export function originFilter(origin: string): string {
  const url = new URL(canonicalOrigin(origin));
  const isIp = /^[\d.]+$/.test(url.hostname) || url.hostname.startsWith('[');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.protocol}//${isIp ? '' : '.'}${url.hostname}:${port}`;
}

/** Content-settings pattern (LNA policies) for exactly one origin: `scheme://host:port`. */
function originPattern(origin: string): string {
  const url = new URL(canonicalOrigin(origin));
  return `${url.protocol}//${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function serviceOrigins(rules: NavigationRules): string[] {
  return unique(
    rules.services.flatMap((s) => [...s.origins, new URL(s.startUrl).origin].map(canonicalOrigin)),
  );
}

/**
 * Chromium features that phone home, pop up UI the citizen cannot dismiss, or keep state
 * across sessions. The closed network would only make them retry forever.
 */
const DISABLED_FEATURES = [
  'Translate',
  'MediaRouter',
  'DialMediaRouteProvider',
  'GlobalMediaControls',
  'OptimizationHints',
  'AutofillServerCommunication',
  'CertificateTransparencyComponentUpdater',
  'InterestFeedContentSuggestions',
  'PrivacySandboxSettings4',
  'HttpsUpgrades',
];

/**
 * The one typed source of the browser lockdown: the managed policy (Chromium's own wall, which
 * holds even if the daemon's CDP connection is gone) and the command line.
 */
export function buildLockdown(rules: NavigationRules, options: LockdownOptions): Lockdown {
  const services = serviceOrigins(rules);
  const kiosk = unique(rules.kioskOrigins.map(canonicalOrigin));
  const downloads = rules.services.some((s) => s.allowDownloads);
  const eidClient = [`http://127.0.0.1:${EID_CLIENT_PORT}`, `http://localhost:${EID_CLIENT_PORT}`];

  const policy: ChromiumPolicy = {
    URLBlocklist: ['*'],
    // The eID-Client URL must pass the policy so that the daemon can answer it (it never
    // reaches the network: the CDP wall fulfils it, and AusweisApp runs on a private port).
    URLAllowlist: unique([...kiosk, ...services].map(originFilter).concat(eidClient)),
    // Not 2: Chromium 156 then refuses CDP attach to every page, even over the pipe, and the
    // daemon's wall is CDP. 1 still bars DevTools for policy-installed extensions; the DevTools
    // UI stays unreachable: devtools:// is not allowlisted, the page guard eats F12 and
    // Ctrl+Shift+I/J/C, and on the stick the compositor filters keys below the browser.
    DeveloperToolsAvailability: 1,
    PasswordManagerEnabled: false,
    PasswordLeakDetectionEnabled: false,
    AutofillAddressEnabled: false,
    AutofillCreditCardEnabled: false,
    BrowserSignin: 0,
    SyncDisabled: true,
    // 3 = block all downloads; 1 = block dangerous ones (the daemon still allows per service).
    DownloadRestrictions: downloads ? 1 : 3,
    PrintingEnabled: options.printing,
    IncognitoModeAvailability: 1,
    BrowserGuestModeEnabled: false,
    BrowserAddPersonEnabled: false,
    SavingBrowserHistoryDisabled: true,
    ForceEphemeralProfiles: true,
    RestoreOnStartup: 5,
    BackgroundModeEnabled: false,
    // Chromium ≥ 142 asks before a public page may reach loopback; nobody is there to answer.
    LocalNetworkAccessAllowedForUrls: services.map(originPattern),
    LoopbackNetworkAllowedForUrls: services.map(originPattern),
    DefaultPopupsSetting: 2,
    DefaultNotificationsSetting: 2,
    DefaultGeolocationSetting: 2,
    DefaultSensorsSetting: 2,
    DefaultWebBluetoothGuardSetting: 2,
    DefaultWebUsbGuardSetting: 2,
    DefaultSerialGuardSetting: 2,
    DefaultWebHidGuardSetting: 2,
    DefaultFileSystemReadGuardSetting: 2,
    DefaultFileSystemWriteGuardSetting: 2,
    AudioCaptureAllowed: false,
    VideoCaptureAllowed: false,
    ScreenCaptureAllowed: false,
    AllowFileSelectionDialogs: false,
    ExternalProtocolDialogShowAlwaysOpenCheckbox: false,
    AutoplayAllowed: false,
    TranslateEnabled: false,
    SpellcheckEnabled: false,
    SpellCheckServiceEnabled: false,
    SearchSuggestEnabled: false,
    AlternateErrorPagesEnabled: false,
    MetricsReportingEnabled: false,
    UrlKeyedAnonymizedDataCollectionEnabled: false,
    PromotionsEnabled: false,
    BookmarkBarEnabled: false,
    EditBookmarksEnabled: false,
    DefaultBrowserSettingEnabled: false,
    TaskManagerEndProcessEnabled: false,
    CommandLineFlagSecurityWarningsEnabled: false,
  };

  const flags = [
    options.display === 'kiosk' ? '--kiosk' : '--headless',
    ...(options.display === 'kiosk' && options.printing ? ['--kiosk-printing'] : []),
    ...(options.noSandbox ? ['--no-sandbox'] : []),
    `--user-data-dir=${options.userDataDir}`,
    ...(options.display === 'headless'
      ? [`--window-size=${options.windowSize?.width ?? 1280},${options.windowSize?.height ?? 800}`]
      : []),
    // The window is created over CDP when the browser is swapped in (see prepared-browser.ts),
    // so a browser prepared in advance shows nothing over the current citizen's view.
    '--no-startup-window',
    '--remote-debugging-pipe',
    '--no-first-run',
    '--no-default-browser-check',
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    '--hide-crash-restore-bubble',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--disable-component-update',
    '--disable-background-networking',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-client-side-phishing-detection',
    '--disable-domain-reliability',
    // A crash dump holds memory, and memory may hold a PIN.
    '--disable-breakpad',
    '--no-pings',
    '--deny-permission-prompts',
    '--password-store=basic',
    `--disable-features=${DISABLED_FEATURES.join(',')}`,
    ...(options.trustedSpki?.length
      ? [`--ignore-certificate-errors-spki-list=${options.trustedSpki.join(',')}`]
      : []),
  ];
  return { policy, flags };
}
