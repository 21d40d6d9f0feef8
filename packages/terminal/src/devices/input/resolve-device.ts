import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** How the config names an input device. by-id and vendor:product survive USB port changes. */
export type InputDeviceSelector =
  { path: string } | { byIdContains: string } | { vendorProduct: string };

export interface DeviceRoots {
  /** Usually /dev/input. */
  devInput: string;
  /** Usually /sys/class/input. */
  sysInput: string;
}

export const systemRoots: DeviceRoots = { devInput: '/dev/input', sysInput: '/sys/class/input' };

/**
 * Turns a selector into a device node path, or undefined when no such device is attached now
 * (the adapter then waits for it). By-id names end in "-event-kbd" etc.: only event nodes count.
 */
export async function resolveInputDevice(
  selector: InputDeviceSelector,
  roots: DeviceRoots = systemRoots,
): Promise<string | undefined> {
  if ('path' in selector) return selector.path;
  if ('byIdContains' in selector) {
    const names = await readdir(join(roots.devInput, 'by-id')).catch(() => []);
    const match = names
      .filter((n) => n.includes('-event-') && n.includes(selector.byIdContains))
      .sort()[0];
    return match && join(roots.devInput, 'by-id', match);
  }
  const wanted = selector.vendorProduct.toLowerCase();
  const nodes = await readdir(roots.sysInput).catch(() => []);
  for (const node of nodes.filter((n) => n.startsWith('event')).sort()) {
    const id = join(roots.sysInput, node, 'device', 'id');
    const [vendor, product] = await Promise.all([
      readFile(join(id, 'vendor'), 'utf8').catch(() => ''),
      readFile(join(id, 'product'), 'utf8').catch(() => ''),
    ]);
    if (`${vendor.trim()}:${product.trim()}` === wanted) return join(roots.devInput, node);
  }
  return undefined;
}
