import type {
  KioskBarConfig,
  KioskBarTexts,
  ScanPanelCommand,
  ScanPanelView,
} from '../page-contract.js';

/** A bar button that acts on trusted taps only; `action` names it in `data-action`. */
export type Button = (
  action: string,
  label: string,
  onTap: () => void,
  className?: string,
) => HTMLButtonElement;

function dialog(className: string): HTMLDivElement {
  const box = document.createElement('div');
  box.className = className;
  box.setAttribute('role', 'dialog');
  return box;
}

/** The terminal's languages, the session's marked current. */
export function languagePanel(
  config: KioskBarConfig,
  button: Button,
  choose: (code: string) => void,
): HTMLElement {
  const box = dialog('panel');
  box.setAttribute('aria-label', config.texts.language);
  for (const { code, name } of config.languages) {
    const choice = button(`language:${code}`, name, () => choose(code), 'choice');
    choice.lang = code;
    choice.dir = 'auto';
    if (code === config.language) choice.setAttribute('aria-current', 'true');
    box.append(choice);
  }
  return box;
}

export function helpPanel(t: KioskBarTexts, button: Button, close: () => void): HTMLElement {
  const box = dialog('panel');
  const heading = document.createElement('h2');
  heading.id = 'help-title';
  heading.textContent = t.help;
  box.setAttribute('aria-labelledby', heading.id);
  const text = document.createElement('p');
  text.textContent = t.helpText;
  const closer = button('close', t.close ? `✕ ${t.close}` : '✕', close, 'close');
  if (!t.close) closer.setAttribute('aria-label', `${t.help} ✕`);
  box.append(closer, heading, text);
  return box;
}

/**
 * The scan panel, a modal dialog with the page previews drawn on canvases (no image URL, so the
 * page's own Content-Security-Policy cannot hide them).
 */
export function scanPanel(
  view: ScanPanelView,
  button: Button,
  send: (command: ScanPanelCommand) => void,
  drawPreview: (canvas: HTMLCanvasElement, png: string) => void,
): HTMLElement {
  const box = dialog('panel scan');
  box.tabIndex = -1;
  box.setAttribute('aria-modal', 'true');
  box.setAttribute('aria-busy', String(view.busy));
  const heading = document.createElement('h2');
  heading.id = 'scan-title';
  heading.textContent = view.title;
  box.setAttribute('aria-labelledby', heading.id);
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.textContent = view.status;
  box.append(heading, status);
  if (view.pages.length) {
    const title = document.createElement('h3');
    title.textContent = view.pagesHeading;
    const list = document.createElement('ul');
    list.className = 'pages';
    view.pages.forEach((page, index) => {
      const item = document.createElement('li');
      const preview = document.createElement('canvas');
      preview.setAttribute('role', 'img');
      preview.setAttribute('aria-label', page.label);
      drawPreview(preview, page.previewPng);
      const caption = document.createElement('span');
      caption.textContent = page.label;
      caption.setAttribute('aria-hidden', 'true');
      item.append(preview, caption);
      if (page.remove)
        item.append(
          button(
            `scan-remove:${index}`,
            page.remove,
            () => send({ command: 'remove', page: index }),
            'remove',
          ),
        );
      list.append(item);
    });
    box.append(title, list);
  }
  const actions = document.createElement('div');
  actions.className = 'actions';
  for (const { command, label, primary } of view.buttons)
    actions.append(
      button(`scan-${command}`, label, () => send({ command }), primary ? 'primary' : 'secondary'),
    );
  const note = document.createElement('p');
  note.className = 'note';
  note.textContent = view.note;
  box.append(actions, note);
  return box;
}
