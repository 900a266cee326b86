import { splitAtVoteTable, type Referat, type ReferatItem, type VoteTable } from '../../i18n/referat';
import { referatWords } from '../../i18n/referatWords';
import { escapeHtml } from '../../domain/text';

/**
 * The referat as HTML, beside its Word and PDF renderers: a fragment for the mail that sends it, and the
 * whole accessible document that is published. Every text escaped.
 */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');

const lineParagraphs = (lines: string[]) => lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('');

/** The item's follow-ups, one list item each, under its decision. */
const followUpList = (i: ReferatItem) =>
  i.followUps.length ? `<ul>${i.followUps.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : '';

/** Simple semantic HTML; every text escaped. */
export function renderReferatHtml(r: Referat): string {
  const w = referatWords(r.locale);
  const toc = r.contents
    .map(
      (g) =>
        `<h3>${escapeHtml(g.category)}</h3><ul>${g.items.map((i) => `<li>${w.item} ${i.number}: ${escapeHtml(i.title)}</li>`).join('')}</ul>`,
    )
    .join('');
  const items = r.items
    .map(
      (i) =>
        `<section><h2>${escapeHtml(i.heading)}</h2>` +
        (i.usedMinutes !== undefined ? `<p>(${w.used} ${i.usedMinutes} min)</p>` : '') +
        `<h3>${escapeHtml(i.decisionHeading)}</h3>${paragraphs(i.decision)}${lineParagraphs(i.committeeLines)}` +
        `${followUpList(i)}</section>`,
    )
    .join('');
  const footer = r.protocol ? `<footer>${lineParagraphs(r.protocol.lines)}</footer>` : '';
  return (
    `<article lang="${r.locale}"><header><h1>${escapeHtml(r.series)}</h1><p>${escapeHtml(r.when)}</p>` +
    `<p>${escapeHtml(r.location)}</p><p><strong>${w.info}:</strong> ${escapeHtml(r.information)}</p></header>` +
    `<nav aria-label="${r.contentsTitle}"><h2>${r.contentsTitle}</h2>${toc}</nav>${items}${footer}</article>`
  );
}

/**
 * The vote as a data table: a caption, column headers and one row header per choice cast. A row's text
 * reads as the protocol line ("For stemte: A og B (2)"), so it is not repeated as a paragraph.
 */
function voteTableHtml(t: VoteTable): string {
  const head = t.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join(' ');
  const rows = t.rows
    .map(
      (row) =>
        `<tr><th scope="row">${escapeHtml(row.label)}:</th> <td>${escapeHtml(row.names)} (${row.count})</td></tr>`,
    )
    .join('');
  return `<table><caption>${escapeHtml(t.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * The referat as a whole accessible HTML document (the public protocol that is published, WCAG 2.1 AA):
 * `<!doctype html>`, the language on `<html>`, a `<title>`, one h1, one h2 per item, the vote as a table
 * with header cells beside the protocol lines, every text escaped.
 */
export function renderReferatHtmlDocument(r: Referat): string {
  const w = referatWords(r.locale);
  const lang = r.locale === 'en' ? 'en' : 'da';
  const toc = r.contents
    .map(
      (g) =>
        `<h3>${escapeHtml(g.category)}</h3><ul>${g.items.map((i) => `<li><a href="#punkt-${i.number}">${w.item} ${i.number}: ${escapeHtml(i.title)}</a></li>`).join('')}</ul>`,
    )
    .join('');
  const items = r.items
    .map((i) => {
      const { before, table, after } = splitAtVoteTable(i);
      return (
        `<section id="punkt-${i.number}" aria-labelledby="punkt-${i.number}-h"><h2 id="punkt-${i.number}-h">${escapeHtml(i.heading)}</h2>` +
        `<h3>${escapeHtml(i.decisionHeading)}</h3>${paragraphs(i.decision)}${lineParagraphs(before)}` +
        `${table ? voteTableHtml(table) : ''}${lineParagraphs(after)}${followUpList(i)}</section>`
      );
    })
    .join('');
  const footer = r.protocol ? `<footer>${lineParagraphs(r.protocol.lines)}</footer>` : '';
  const title = `${r.series} ${r.when}`;
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
    `<body><main><h1>${escapeHtml(r.series)}</h1><p>${escapeHtml(r.when)}</p><p>${escapeHtml(r.location)}</p>` +
    `<p><strong>${w.info}:</strong> ${escapeHtml(r.information)}</p>` +
    `<nav aria-labelledby="indhold"><h2 id="indhold">${escapeHtml(r.contentsTitle)}</h2>${toc}</nav>${items}${footer}</main></body></html>`
  );
}
