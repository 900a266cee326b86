/**
 * The lines of an export as the recognisers see them: line endings, form feeds and no-break spaces made
 * plain, each line trimmed, and the blank line Word puts after every printed line taken out again.
 */
export function sourceLines(text: string): string[] {
  return undoubleSpacing(
    text
      .replace(/\r\n?/g, '\n')
      .replace(/[\f\v]/g, '\n')
      .split('\n')
      .map((l) => l.replace(/\u00a0/g, ' ').trim()),
  );
}

/**
 * Word documents made line by line (one paragraph per printed line, as scans pasted into Word are) come
 * out of text extraction double-spaced: a blank line after every line. Lines that never touch are
 * such a document; dropping one blank line after each gives back the printed layout.
 */
function undoubleSpacing(lines: string[]): string[] {
  const filled = lines.filter(Boolean).length;
  let touching = 0;
  for (let i = 1; i < lines.length; i++) if (lines[i] && lines[i - 1]) touching++;
  if (filled < 10 || touching / filled > 0.05) return lines;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]);
    if (lines[i + 1] === '') i++;
  }
  return out;
}

/** The index of the next filled line within `reach` lines after `from`, or -1. */
export function nextFilled(lines: string[], from: number, reach = 3): number {
  for (let i = from + 1; i < Math.min(lines.length, from + 1 + reach); i++) if (lines[i]) return i;
  return -1;
}

export function preview(lines: string[]): string {
  const text = lines.join(' ');
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
