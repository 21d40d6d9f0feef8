export const deleteKey = 'delete';

const telephone = ['1', '2', '3', '4', '5', '6', '7', '8', '9', deleteKey, '0'];

/**
 * The keys of the digit pad in the order they are laid out, three to a row: the telephone
 * layout, or the ten digits in a random order (Fisher–Yates) for a citizen who fears
 * someone reading the PIN off their finger movements. Delete stays in its place.
 */
export function padKeys(shuffled: boolean, random: () => number = secureRandom): string[] {
  if (!shuffled) return telephone;
  const digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
  for (let i = digits.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [digits[i], digits[j]] = [digits[j] as string, digits[i] as string];
  }
  return [...digits.slice(0, 9), deleteKey, digits[9] as string];
}

function secureRandom(): number {
  const [value = 0] = crypto.getRandomValues(new Uint32Array(1));
  return value / 2 ** 32;
}
