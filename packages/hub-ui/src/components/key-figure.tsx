/** One big number with its caption, like the seed's "625 eID-Aktivierungen". */
export function KeyFigure({ value, label }: { value: string | number; label: string }) {
  return (
    <div class="key-figure">
      <strong>{value}</strong>
      <span>{label}</span>
    </div>
  );
}
