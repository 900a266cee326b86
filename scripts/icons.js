// @ts-check
/**
 * The app's icons, drawn by code (no binaries of unknown origin): a white agenda sheet — a page with a
 * header bar and three agenda lines — on the accent colour (Teams "color", Outlook icons), or white on
 * transparent (Teams "outline", which must use only white and transparency).
 */
const { PNG } = require('pngjs');

const ACCENT = [0x2b, 0x57, 0x9a];

/**
 * @param {number} size
 * @param {{ outline?: boolean }} [options]
 * @returns {Buffer}
 */
function renderIcon(size, options = {}) {
  const png = new PNG({ width: size, height: size });
  const set = (x, y, rgba) => {
    const i = (y * size + x) * 4;
    png.data[i] = rgba[0];
    png.data[i + 1] = rgba[1];
    png.data[i + 2] = rgba[2];
    png.data[i + 3] = rgba[3];
  };
  const white = [255, 255, 255, 255];
  const background = options.outline ? [0, 0, 0, 0] : [...ACCENT, 255];
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) set(x, y, background);
  const u = size / 32; // drawn on a 32-unit grid
  const rect = (x0, y0, x1, y1) => {
    for (let y = Math.round(y0 * u); y < Math.round(y1 * u); y++)
      for (let x = Math.round(x0 * u); x < Math.round(x1 * u); x++) set(x, y, white);
  };
  const stroke = Math.max(1, Math.round(u * 1.5)) / u;
  // The sheet's border.
  rect(7, 5, 25, 5 + stroke);
  rect(7, 27 - stroke, 25, 27);
  rect(7, 5, 7 + stroke, 27);
  rect(25 - stroke, 5, 25, 27);
  // Header bar and three agenda lines with their numbers.
  rect(7, 5, 25, 10);
  for (const y of [13, 17.5, 22]) {
    rect(10, y, 12, y + stroke);
    rect(14, y, 22, y + stroke);
  }
  return PNG.sync.write(png);
}

module.exports = { renderIcon, ACCENT };
