import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * A modal layer over the screen: focus moves into it when it opens and Tab cycles inside it
 * (the page behind is made inert by the app), and Escape closes it when it can be closed.
 */
export function Dialog(props: {
  id: string;
  title: string;
  role?: 'dialog' | 'alertdialog';
  describedBy?: string;
  onClose?: () => void;
  children: ComponentChildren;
}) {
  const { id, title, role = 'dialog', describedBy, onClose, children } = props;
  const box = useRef<HTMLDivElement>(null);
  // In the same commit as the dialog: a key pressed as it appears lands inside it.
  useLayoutEffect(() => {
    box.current?.querySelector<HTMLElement>('button, input, [tabindex="0"]')?.focus();
  }, []);
  return (
    <div
      class="overlay"
      role={role}
      aria-modal="true"
      aria-labelledby={id}
      aria-describedby={describedBy}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && onClose) onClose();
        if (event.key === 'Tab') keepFocusInside(event, box.current);
      }}
    >
      <div class="overlay-box" ref={box}>
        <h2 id={id}>{title}</h2>
        {children}
      </div>
    </div>
  );
}

/** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
function keepFocusInside(event: KeyboardEvent, box: HTMLElement | null): void {
  const controls = Array.from(
    box?.querySelectorAll<HTMLElement>('button:not(:disabled), input') ?? [],
  );
  const first = controls[0];
  const last = controls.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) last.focus();
  else if (!event.shiftKey && document.activeElement === last) first.focus();
  else return;
  event.preventDefault();
}
