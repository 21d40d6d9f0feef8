import type { ComponentChildren } from 'preact';
import { act } from '../api.js';
import type { Translate } from '../i18n/catalogue.js';

/** Cancel (every eID screen has it) and the screen's own primary action, if any. */
export function EidButtons(props: {
  t: Translate;
  onOk?: () => void;
  okLabel?: string;
  okDisabled?: boolean;
  children?: ComponentChildren;
}) {
  const { t, onOk, okLabel, okDisabled, children } = props;
  return (
    <div class="buttons">
      <button type="button" class="secondary" onClick={() => void act({ type: 'eid-cancel' })}>
        {t('eid.cancel')}
      </button>
      {children}
      {onOk && (
        <button type="button" class="primary" disabled={okDisabled} onClick={onOk}>
          {okLabel ?? t('eid.ok')}
        </button>
      )}
    </div>
  );
}
