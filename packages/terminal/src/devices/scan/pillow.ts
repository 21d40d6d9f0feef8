import { runCommand } from '../run-command.js';

/**
 * Page images converted by Pillow: Node has no image codec; Pillow is well kept and already on
 * the system as img2pdf's own dependency (python3-pil).
 */
const thumbnail = String.raw`
import sys
from PIL import Image
source, target, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
with Image.open(source) as image:
    image.thumbnail((size, size))
    image.save(target, 'PNG', optimize=True)
`;

const jpeg = String.raw`
import sys
from PIL import Image
source, target = sys.argv[1], sys.argv[2]
with Image.open(source) as image:
    image.convert('L' if image.mode in ('1', 'L') else 'RGB').save(target, 'JPEG', quality=90)
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

/** Writes `image` as a JPEG (for file fields that take nothing else); false when it failed. */
export async function writeJpeg(image: string, target: string): Promise<boolean> {
  const out = await runCommand(PYTHON, ['-c', jpeg, image, target]);
  return out.code === 0;
}
