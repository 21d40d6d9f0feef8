import { useEffect, useRef } from 'preact/hooks';

/** A ref that focuses its element once, when it appears (a one-time secret, an opened form). */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
