import { useLayoutEffect } from 'preact/hooks';
import { textScales, type TextScale } from '@sidbox/protocol';

/** The root font size at 100 %; every other length is in rem or em, so it all scales. */
const basePx = 22;

/** The size after this one, round the three (100 → 150 → 200 → 100 %). */
export function nextTextScale(current: TextScale): TextScale {
  const index = textScales.indexOf(current);
  return textScales[(index + 1) % textScales.length] ?? 1;
}

export function useTextScale(scale: TextScale): void {
  useLayoutEffect(() => {
    document.documentElement.style.fontSize = `${basePx * scale}px`;
  }, [scale]);
}
