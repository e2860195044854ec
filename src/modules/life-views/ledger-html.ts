/**
 * The ledger as a printable page: A4 portrait, 宋体 / Noto Serif CJK, a cover, one section per
 * meeting category each starting on a new page, then the summary. Served by the API itself so
 * printing needs nothing but a browser.
 */
import {
  absenteeText,
  ledgerTitle,
  meetingColumns,
  metText,
  minutesText,
  summaryHeaders,
  timeText,
} from './ledger-workbook.ts';
import type { Ledger } from './load-ledger.ts';

const escapeHtml = (value: unknown) =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const css = `
@page { size: A4 portrait; margin: 25mm 20mm 20mm 25mm; }
* { box-sizing: border-box; }
body { font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: 10.5pt; line-height: 1.5; color: #000; margin: 0; }
h1 { font-size: 22pt; text-align: center; margin: 60mm 0 20mm; letter-spacing: 2pt; }
h2 { font-size: 15pt; text-align: center; margin: 0 0 6mm; }
section { page-break-before: always; break-before: page; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 0.5pt solid #000; padding: 1.5mm; vertical-align: top; word-break: break-all; }
th { background: #f2f2f2; font-weight: bold; text-align: center; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
.cover { width: 130mm; margin: 0 auto; font-size: 14pt; }
.cover th { width: 40mm; background: none; text-align: left; }
.num { text-align: right; }
.nowrap { white-space: nowrap; }
.empty { text-align: center; color: #555; }
.summary td, .summary th { font-size: 8pt; padding: 1mm; }
.meetings td, .meetings th { font-size: 8.5pt; }
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 10mm; background: #fff; } }
`;

function cover(ledger: Ledger) {
  const rows: [string, string | number][] = [
    ['学校', ledger.university],
    ['上级党组织', ledger.college ?? '（直属学校党委）'],
    ['党支部', ledger.branch.name],
    ['年度', `${ledger.year}年`],
    ['支部书记', ledger.secretaries.join('、') || '（空缺）'],
    ['正式党员', `${ledger.members.full}人`],
    ['预备党员', `${ledger.members.probationary}人`],
    ['党小组', ledger.groups.map((g) => g.name).join('、') || '（未设党小组）'],
    ['统计截至', ledger.asOf],
  ];
  return `<header>
<h1>${escapeHtml(ledgerTitle(ledger))}</h1>
<table class="cover">${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>
</header>`;
}

// Narrow columns first: the page is portrait, so the organization column is left to the sheet.
const printed = meetingColumns.filter((c) => c.header !== '组织');

function section(ledger: Ledger, s: Ledger['sections'][number]) {
  const body = s.meetings.length
    ? s.meetings
        .map((m, i) => {
          const cells = [
            i + 1,
            m.heldOn,
            timeText(m),
            m.place ?? '',
            m.title,
            m.lecturerName ?? '',
            m.expected,
            m.present + m.late,
            m.attendanceRate === null ? '—' : m.attendanceRate.toFixed(1),
            m.absentees.length ? m.absentees.map((a) => escapeHtml(absenteeText(a))).join('<br>') : '无',
            escapeHtml(minutesText(m)),
          ];
          return `<tr data-meeting="${escapeHtml(m.id)}">${cells
            .map((c, j) => {
              const cls = typeof c === 'number' ? ' class="num"' : j === 1 || j === 2 ? ' class="nowrap"' : '';
              return `<td${cls}>${j >= 9 ? c : escapeHtml(c)}</td>`;
            })
            .join('')}</tr>`;
        })
        .join('\n')
    : `<tr><td class="empty" colspan="${printed.length}">本年度无记录</td></tr>`;
  const widths = [4, 10, 11, 10, 17, 7, 5, 5, 6, 14, 11];
  return `<section id="${escapeHtml(s.key)}">
<h2>${escapeHtml(s.title)}记录（${ledger.year}年）</h2>
<table class="meetings"><colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>
<thead><tr>${printed.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody></table>
</section>`;
}

function summary(ledger: Ledger) {
  return `<section id="summary">
<h2>汇总（${ledger.year}年）</h2>
<table class="summary"><colgroup><col style="width:9%"><col style="width:15%">${summaryHeaders
    .slice(2, -1)
    .map(() => '<col>')
    .join('')}<col style="width:9%"></colgroup>
<thead><tr>${summaryHeaders.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>
${ledger.summary
  .map(
    (s) =>
      `<tr><td>${escapeHtml(s.title)}</td><td>${escapeHtml(s.requirement)}</td>${[...s.months, ...s.quarters, s.total]
        .map((n) => `<td class="num">${n}</td>`)
        .join('')}<td>${escapeHtml(metText(s))}</td></tr>`,
  )
  .join('\n')}
</tbody></table>
</section>`;
}

export function ledgerHtml(ledger: Ledger): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(ledgerTitle(ledger))}</title>
<style>${css}</style>
</head>
<body>
${cover(ledger)}
${ledger.sections.map((s) => section(ledger, s)).join('\n')}
${summary(ledger)}
</body>
</html>
`;
}
