import { useState } from 'preact/hooks';
import { errorText } from '../error-text.js';
import { useI18n } from '../i18n.js';
import type { MessageKey } from '../messages.js';

export interface NoticeState {
  ok?: string;
  error?: string;
}

/**
 * What a form last did: a success sentence or an API error in the user's language. `run`
 * performs an action and reports it; it answers whether the action succeeded.
 */
export function useNotice() {
  const { t } = useI18n();
  const [notice, setNotice] = useState<NoticeState>({});
  const run = async (
    action: () => Promise<unknown>,
    ok: MessageKey,
    overrides?: Partial<Record<string, MessageKey>>,
  ): Promise<boolean> => {
    try {
      await action();
      setNotice({ ok: t(ok) });
      return true;
    } catch (error) {
      setNotice({ error: errorText(error, t, overrides) });
      return false;
    }
  };
  return { notice, setNotice, run };
}

/** The live regions: the status is always present so screen readers announce its changes. */
export function Notice({ notice }: { notice: NoticeState }) {
  const { t } = useI18n();
  return (
    <>
      <p role="status" class="ok">
        {notice.ok}
      </p>
      {notice.error && (
        <p role="alert" class="error">
          {t('common.error')}: {notice.error}
        </p>
      )}
    </>
  );
}
