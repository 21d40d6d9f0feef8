import { runCommand } from '../run-command.js';

/**
 * Pillow shrinks a page to fit `size`×`size` for the kiosk's preview. Node has no image codec;
 * Pillow is well kept and already on the system as img2pdf's own dependency (python3-pil).
 */
const thumbnail = String.raw`
import sys
from PIL import Image
source, target, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
with Image.open(source) as image:
    image.thumbnail((size, size))
    image.save(target, 'PNG', optimize=True)
`;

/**
 * Debian's interpreter, the one img2pdf runs on (its shebang) and python3-pil belongs to; a
 * python3 earlier in PATH (a virtualenv, pyenv) may lack Pillow.
 */
const PYTHON = '/usr/bin/python3';

/** Writes a PNG preview of `image` at most `maxPx` wide and high; false when it failed. */
export async function writePreview(
  image: string,
  preview: string,
  maxPx: number,
): Promise<boolean> {
  const out = await runCommand(PYTHON, ['-c', thumbnail, image, preview, String(maxPx)]);
  return out.code === 0;
}
