/**
 * The pages' one stylesheet, served by this server (no inline styles, no external fonts).
 * Lengths in rem so that zoom and the browser's text size scale everything; logical properties
 * so that `dir="rtl"` mirrors the layout; buttons 3.5rem (56 px) high with large type; colours
 * of the kiosk UI, every text at least 4.5:1 against its background.
 */
export const stylesheet = `
:root {
  --primary: #004b87;
  --accent: #f5a800;
  --ink: #1a1a1a;
  --muted: #4b5563;
  --line: #c9d3dd;
  --page: #eef2f6;
  --success: #1b6e3a;
  --problem: #b3261e;
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
html {
  font-family: system-ui, 'Noto Sans', 'Noto Sans Arabic', 'DejaVu Sans', sans-serif;
  line-height: 1.5;
  color: var(--ink);
  background: var(--page);
  -webkit-text-size-adjust: 100%;
}
body {
  margin: 0;
  padding: 0 1rem 2rem;
  border-top: 0.5rem solid var(--primary);
  font-size: 1.25rem;
  overflow-wrap: anywhere;
}
header, main { max-width: 44rem; margin-inline: auto; }
header { padding-block: 1.25rem 0; }
main {
  margin-block: 1.25rem 0;
  padding: 2rem 1.75rem;
  background: #fff;
  border-radius: 0.75rem;
  box-shadow: 0 0.1rem 0.4rem rgb(0 0 0 / 0.08);
}
h1 { font-size: 2rem; line-height: 1.25; margin-block: 0 1.25rem; }
p { margin-block: 0 1rem; }
a { color: var(--primary); }
a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible {
  outline: 0.25rem solid var(--ink);
  outline-offset: 0.2rem;
  box-shadow: 0 0 0 0.2rem var(--accent);
}
.languages {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem;
  margin: 0;
  padding: 0;
  list-style: none;
}
.languages a {
  display: inline-flex;
  align-items: center;
  min-height: 2.75rem;
  min-width: 2.75rem;
  padding-inline: 0.9rem;
  border: 0.125rem solid var(--primary);
  border-radius: 0.5rem;
  background: #fff;
  font-size: 1.05rem;
  text-decoration: none;
}
.languages a[aria-current] { background: var(--primary); color: #fff; font-weight: 700; }
.prepare { font-weight: 700; }
.actions { margin-block: 2rem 0; }
.button {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  min-height: 3.5rem;
  min-width: 12rem;
  max-width: 100%;
  padding: 0.6rem 2rem;
  border: 0.125rem solid var(--primary);
  border-radius: 0.5rem;
  background: var(--primary);
  color: #fff;
  font-size: 1.375rem;
  font-weight: 700;
  line-height: 1.3;
  text-align: center;
  text-decoration: none;
}
.button.secondary { background: #fff; color: var(--primary); }
button.button { font-family: inherit; cursor: pointer; }
.actions { display: flex; flex-wrap: wrap; gap: 1rem; }
.actions form.inline { margin: 0; }
.actions + p { margin-block-start: 1rem; }
h2 { font-size: 1.375rem; margin-block: 1.5rem 0.5rem; }
.asked { margin-block: 0 1rem; padding-inline-start: 1.5rem; }
.asked li { margin-block: 0.25rem; font-weight: 700; }
.form-part { margin: 1.5rem 0 0; padding: 0; border: 0; }
.form-part legend { font-size: 1.375rem; font-weight: 700; padding: 0; }
.field { display: flex; flex-direction: column; gap: 0.35rem; margin-block: 1rem; }
.field label { font-weight: 700; }
.field .hint, .field .required { color: var(--muted); font-weight: 400; }
.field input, .field textarea {
  width: 100%;
  min-height: 3rem;
  padding: 0.5rem 0.75rem;
  border: 0.125rem solid var(--muted);
  border-radius: 0.375rem;
  font: inherit;
  color: var(--ink);
  background: #fff;
}
.field.invalid input, .field.invalid textarea { border-color: var(--problem); }
.field-error, .error-summary { color: var(--problem); font-weight: 700; }
.code-input { max-width: 16rem; font-family: ui-monospace, 'DejaVu Sans Mono', monospace; letter-spacing: 0.15em; text-transform: uppercase; }
.handover-code {
  margin-block: 1.5rem;
  font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
  font-size: 2.75rem;
  font-weight: 700;
  letter-spacing: 0.2em;
  text-align: center;
}
.card-data dd.typed { white-space: pre-line; }
.status { display: flex; align-items: center; gap: 1rem; }
.status .icon { flex: none; width: 3rem; height: 3rem; }
.status .icon circle { fill: currentColor; }
.status .icon path {
  fill: none;
  stroke: #fff;
  stroke-width: 5;
  stroke-linecap: round;
  stroke-linejoin: round;
}
.status.success .icon { color: var(--success); }
.status.notice .icon { color: var(--primary); }
.status.problem .icon { color: var(--problem); }
.card-data { margin-block: 1.5rem; border-top: 0.0625rem solid var(--line); }
.card-data > div {
  display: grid;
  grid-template-columns: minmax(8rem, 13rem) 1fr;
  gap: 0.25rem 1.5rem;
  padding-block: 0.75rem;
  border-bottom: 0.0625rem solid var(--line);
}
.card-data dt { color: var(--muted); }
.card-data dd { margin: 0; font-size: 1.375rem; font-weight: 700; }
.card-data dd.missing { font-size: 1.25rem; font-weight: 400; font-style: italic; color: var(--muted); }
.card-data .line { display: block; }
.card-data .freetext { white-space: pre-line; }
.note {
  margin-block: 1.5rem 0;
  padding: 1rem 1.25rem;
  border-inline-start: 0.375rem solid var(--primary);
  border-radius: 0.25rem;
  background: var(--page);
}
@media (max-width: 36rem) {
  main { padding: 1.5rem 1.25rem; }
  h1 { font-size: 1.625rem; }
  .card-data > div { grid-template-columns: 1fr; }
  .button { width: 100%; min-width: 0; }
  .actions form.inline { width: 100%; }
}
/* A printed form: only the form, black on white, no navigation or buttons. */
@media print {
  html, body { background: #fff; }
  body { border: 0; padding: 0; font-size: 11pt; }
  header, .actions, .no-print { display: none; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; border-radius: 0; }
  .card-data dd { font-size: 12pt; }
}
`;

/** The tab's icon: the success check mark, so that the browser asks for no other. */
export const icon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">
<circle cx="24" cy="24" r="23" fill="#004b87"/>
<path d="M14 25l7 7 13-15" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>
</svg>
`;
