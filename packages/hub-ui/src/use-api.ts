import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from './api.js';

/**
 * Loads a GET resource; `reload` fetches it again after a change. `failure` is the error
 * itself, for pages that explain it by its code (errorText) instead of the hub's `message`.
 */
export function useApi<T>(path: string | undefined) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(undefined);
  const reload = useCallback(() => {
    if (!path) return;
    api<T>('GET', path).then(
      (value) => {
        setData(value);
        setFailure(undefined);
      },
      (e: unknown) => setFailure(e ?? new Error('failed')),
    );
  }, [path]);
  useEffect(reload, [reload]);
  const error = failure === undefined ? undefined : (failure as Error).message;
  return { data, error, failure, reload };
}
