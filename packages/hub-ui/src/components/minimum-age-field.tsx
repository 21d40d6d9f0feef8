import { Field } from './field.js';

/** The whole-year age a citizen must be over (1–99), as the age check on the card takes it. */
export function MinimumAgeField({
  label,
  value,
  onInput,
}: {
  label: string;
  value: string;
  onInput: (value: string) => void;
}) {
  return (
    <Field label={label}>
      <input
        name="minimumAge"
        type="number"
        required
        min={1}
        max={99}
        step={1}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </Field>
  );
}
