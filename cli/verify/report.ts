import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult } from './attack';

/** What a run found: the stable summary (issue 23) plus, in the files, each check's requests and answers. */
export interface VerifyReport {
  passed: number;
  failed: number;
  variants: string[];
  checks: CheckResult[];
  observed: Record<string, unknown>;
  /** Every request the run made: the kit's own and the add-in's use cases' (Graph). */
  requests: number;
  /** What cleanup could not remove. */
  leftBehind: string[];
  target: string;
  at: string;
}

/** The stable stdout object: `{ passed, failed, variants, checks: [{ name, ok, detail }], observed }`. */
export function summary(r: VerifyReport) {
  return {
    passed: r.passed,
    failed: r.failed,
    variants: r.variants,
    checks: r.checks.map(({ name, ok, detail }) => ({ name, ok, detail })),
    observed: r.observed,
    requests: r.requests,
    leftBehind: r.leftBehind,
  };
}

const esc = (s: unknown) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Plain, accessible HTML an IT department can keep: no script, text states (not colour alone), tables with captions. */
export function reportHtml(r: VerifyReport): string {
  const rows = r.checks
    .map(
      (c, i) =>
        `<tr><th scope="row">${esc(c.name)}</th><td>${c.ok ? '✓ Bestået' : '✗ Fejlet'}</td><td>${esc(c.as)}</td><td>${esc(c.detail)}${
          c.requests.length
            ? `<details><summary>${c.requests.length} forespørgsler (kontrol ${i + 1})</summary><ol>${c.requests
                .map(
                  (q) =>
                    `<li><code>${esc(q.method)} ${esc(q.url)}</code> som ${esc(q.as)} → <strong>${q.status}</strong> <code>${esc(q.answer)}</code></li>`,
                )
                .join('')}</ol></details>`
            : ''
        }</td></tr>`,
    )
    .join('\n');
  const observed = Object.entries(r.observed)
    .map(([k, v]) => `<tr><th scope="row"><code>${esc(k)}</code></th><td>${esc(JSON.stringify(v))}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="da">
<head><meta charset="utf-8"><title>Mødeassistent – verifikation af tenant</title>
<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:1rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #666;padding:.3rem;text-align:left;vertical-align:top}code{word-break:break-all}</style></head>
<body><main>
<h1>Mødeassistent – verifikation af tenant</h1>
<p>Mål: <code>${esc(r.target)}</code>. Kørt ${esc(r.at)}. Varianter: ${esc(r.variants.join(', ') || 'ingen')}.</p>
<p><strong>${r.failed === 0 ? 'Alle kontroller bestået' : `${r.failed} kontrol(ler) fejlede`}</strong>: ${r.passed} bestået, ${r.failed} fejlet. ${r.requests} forespørgsler i alt.</p>
<table><caption>Kontroller</caption><thead><tr><th scope="col">Kontrol</th><th scope="col">Resultat</th><th scope="col">Som</th><th scope="col">Detaljer og Microsofts svar</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<h2>Observeret udokumenteret adfærd</h2>
<table><caption>Observationer (se devServer/README.md om varianterne)</caption><thead><tr><th scope="col">Adfærd</th><th scope="col">Værdi</th></tr></thead>
<tbody>
${observed || '<tr><td colspan="2">Ingen</td></tr>'}
</tbody></table>
<h2>Oprydning</h2>
${r.leftBehind.length ? `<p>Kunne ikke fjernes:</p><ul>${r.leftBehind.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : '<p>Alt, kørslen oprettede, er fjernet.</p>'}
</main></body></html>
`;
}

export function writeReport(r: VerifyReport, dir: string): { html: string; json: string } {
  mkdirSync(dir, { recursive: true });
  const html = join(dir, 'verify-report.html');
  const json = join(dir, 'verify-report.json');
  writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(html, reportHtml(r));
  return { html, json };
}
