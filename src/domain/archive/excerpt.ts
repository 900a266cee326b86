/**
 * A long text cut around its first hit, for a result list: about `width` characters starting a little
 * before the hit, on one line, with "…" where text was left out, and the hits' ranges moved into the cut.
 */
export function excerpt(
  text: string,
  ranges: Array<[number, number]>,
  width = 240,
): { text: string; ranges: Array<[number, number]> } {
  const first = [...ranges].sort((a, b) => a[0] - b[0])[0]?.[0] ?? 0;
  const from = Math.max(0, first - Math.floor(width / 3));
  const to = Math.min(text.length, from + width);
  const lead = from > 0 ? '…' : '';
  // Whitespace runs become one space; each is counted so the ranges stay on their words.
  const kept: number[] = [];
  let out = '';
  for (let i = from; i < to; i++) {
    const space = /\s/.test(text[i]);
    if (space && (out.endsWith(' ') || out === '')) {
      kept.push(-1);
      continue;
    }
    kept.push(lead.length + out.length);
    out += space ? ' ' : text[i];
  }
  // A hit is a word: its first and last characters are never whitespace, so both were kept.
  const moved = ranges
    .filter(([s, e]) => s >= from && e <= to)
    .map(([s, e]) => [kept[s - from], kept[e - 1 - from] + 1] as [number, number]);
  return { text: `${lead}${out.trimEnd()}${to < text.length ? '…' : ''}`, ranges: moved };
}
