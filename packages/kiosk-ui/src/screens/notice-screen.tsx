/** A plain page with a title and a text: blocked page, error. Never a stack trace. */
export function NoticeScreen({ title, text }: { title: string; text: string }) {
  return (
    <section class="panel" aria-labelledby="notice-title">
      <h1 id="notice-title">{title}</h1>
      <p>{text}</p>
    </section>
  );
}
