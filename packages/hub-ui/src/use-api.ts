import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from './api.js';

/** Loads a GET resource; `reload` fetches it again after a change. */
export function useApi<T>(path: string | undefined) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const reload = useCallback(() => {
    if (!path) return;
    api<T>('GET', path).then(
      (value) => {
        setData(value);
        setError(undefined);
      },
      (e: Error) => setError(e.message),
    );
  }, [path]);
  useEffect(reload, [reload]);
  return { data, error, reload };
}
