import type { OidcClientSecretResponse } from '@sidbox/protocol';
import { useFocusOnMount } from '../../components/focus-on-mount.js';
import { discoveryUrlOf } from '../../oidc-clients/draft.js';
import { fill, useI18n } from '../../i18n.js';

/**
 * What the platform's admin copies into its settings, the secret shown only here: after
 * registering or renewing. Focus moves here so a screen reader reads it out.
 */
export function SecretPanel({ shown }: { shown: OidcClientSecretResponse }) {
  const { t } = useI18n();
  const ref = useFocusOnMount<HTMLElement>();
  const rows: [string, string, string][] = [
    [t('oidcClients.clientId'), shown.client.clientId, 'client-id'],
    [t('oidcClients.clientSecret'), shown.clientSecret, 'client-secret'],
    ...(shown.issuer
      ? ([
          [t('oidcClients.issuer'), shown.issuer, 'issuer'],
          [t('oidcClients.discovery'), discoveryUrlOf(shown.issuer), 'discovery'],
        ] as [string, string, string][])
      : []),
  ];
  return (
    <section
      class="credential"
      aria-labelledby="secret-heading"
      tabIndex={-1}
      ref={ref}
      data-testid="client-secret-panel"
    >
      <h2 id="secret-heading">
        {fill(t('oidcClients.secretHeading'), { name: shown.client.name })}
      </h2>
      <p>{t('oidcClients.secretHint')}</p>
      <dl class="settings">
        {rows.map(([label, value, id]) => (
          <div key={id}>
            <dt>{label}</dt>
            <dd>
              <code data-testid={id}>{value}</code>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
