import { useState } from 'preact/hooks';
import type { LoginResponse, SessionUser } from '@sidbox/protocol';
import { api, setCsrfToken } from '../api.js';
import { Field, formValues } from '../components/field.js';
import { useI18n } from '../i18n.js';

export function LoginPage({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const { t } = useI18n();
  const [failed, setFailed] = useState(false);
  const submit = async (event: Event) => {
    const { email, password } = formValues(event);
    try {
      const session = await api<LoginResponse>('POST', '/login', {
        email,
        password,
      });
      setCsrfToken(session.csrfToken);
      onSignedIn(session.user);
    } catch {
      setFailed(true);
    }
  };
  return (
    <main class="login" id="main">
      <h1>{t('login.heading')}</h1>
      <form onSubmit={submit}>
        <Field label={t('login.email')}>
          <input name="email" type="email" autocomplete="username" required />
        </Field>
        <Field label={t('login.password')}>
          <input name="password" type="password" autocomplete="current-password" required />
        </Field>
        {failed && (
          <p role="alert" class="error">
            {t('login.failed')}
          </p>
        )}
        <button type="submit">{t('login.submit')}</button>
      </form>
    </main>
  );
}
