/**
 * The ledger as an Excel workbook: a cover, one sheet per meeting category and a summary against
 * the branch standard. Laid out with ExcelJS directly because a cover and titled sheets are not
 * the plain lists `buildWorkbook` makes.
 */
import ExcelJS from 'exceljs';
import { attendanceStatusLabels } from './labels.ts';
import type { Absentee, Ledger, LedgerMeeting } from './load-ledger.ts';

export const ledgerTitle = (ledger: Ledger) => `${ledger.branch.name} ${ledger.year}年度组织生活台账`;

/** Excel dates carry no zone; a UTC midnight reads back as the same calendar day. */
const excelDate = (day: string) => new Date(`${day}T00:00:00Z`);

export const absenteeText = (a: Absentee) => {
  const status = attendanceStatusLabels[a.status] ?? a.status;
  const reason = a.reason ? `，${a.reason}` : '';
  const makeup = a.makeupOn ? `补课 ${a.makeupOn}${a.makeupContent ? `：${a.makeupContent}` : ''}` : '未补课';
  return `${a.name}（${status}${reason}；${makeup}）`;
};

const MINUTES_EXCERPT = 120;
export const minutesText = (m: LedgerMeeting) => {
  if (!m.minutes && !m.minutesText) return '无';
  if (!m.minutesText) return '有';
  const text = m.minutesText.replace(/\s+/g, ' ').trim();
  return `有：${text.length > MINUTES_EXCERPT ? `${text.slice(0, MINUTES_EXCERPT)}…` : text}`;
};

export const timeText = (m: LedgerMeeting) => (m.startTime ? `${m.startTime}${m.endTime ? `–${m.endTime}` : ''}` : '');

export const meetingColumns = [
  { header: '序号', width: 6 },
  { header: '日期', width: 12 },
  { header: '时间', width: 13 },
  { header: '地点', width: 18 },
  { header: '组织', width: 18 },
  { header: '主题', width: 32 },
  { header: '主讲人/主持人', width: 14 },
  { header: '应到', width: 7 },
  { header: '实到', width: 7 },
  { header: '出席率(%)', width: 10 },
  { header: '缺席人员及补课情况', width: 40 },
  { header: '会议记录', width: 40 },
];

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

function titleRow(ws: ExcelJS.Worksheet, text: string, span: number) {
  ws.mergeCells(1, 1, 1, span);
  const cell = ws.getCell(1, 1);
  cell.value = text;
  cell.font = { bold: true, size: 14 };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
}

function headerRow(ws: ExcelJS.Worksheet, row: number, headers: string[]) {
  const r = ws.getRow(row);
  headers.forEach((h, i) => {
    const cell = r.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
}

function addCover(wb: ExcelJS.Workbook, ledger: Ledger) {
  const ws = wb.addWorksheet('封面', { pageSetup: { paperSize: 9, orientation: 'portrait' } });
  ws.columns = [{ width: 18 }, { width: 46 }];
  titleRow(ws, ledgerTitle(ledger), 2);
  const lines: [string, string | number][] = [
    ['学校', ledger.university],
    ['上级党组织', ledger.college ?? '（直属学校党委）'],
    ['党支部', ledger.branch.name],
    ['年度', `${ledger.year}年`],
    ['支部书记', ledger.secretaries.join('、') || '（空缺）'],
    ['正式党员（人）', ledger.members.full],
    ['预备党员（人）', ledger.members.probationary],
    ['党员合计（人）', ledger.members.full + ledger.members.probationary],
    ['党小组', ledger.groups.map((g) => g.name).join('、') || '（未设党小组）'],
    ['统计截至', ledger.asOf],
  ];
  lines.forEach(([label, value], i) => {
    const row = ws.getRow(i + 3);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = value;
    row.getCell(2).alignment = { horizontal: 'left' };
    row.getCell(1).border = border;
    row.getCell(2).border = border;
  });
}

function addSection(wb: ExcelJS.Workbook, ledger: Ledger, section: Ledger['sections'][number]) {
  const ws = wb.addWorksheet(section.title, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  ws.columns = meetingColumns.map((c) => ({ width: c.width }));
  titleRow(ws, `${section.title}记录（${ledger.year}年）`, meetingColumns.length);
  headerRow(
    ws,
    2,
    meetingColumns.map((c) => c.header),
  );
  section.meetings.forEach((m, i) => {
    const row = ws.getRow(i + 3);
    const values = [
      i + 1,
      excelDate(m.heldOn),
      timeText(m),
      m.place ?? '',
      m.orgName,
      m.title,
      m.lecturerName ?? '',
      m.expected,
      m.present + m.late,
      m.attendanceRate,
      m.absentees.map(absenteeText).join('\n') || '无',
      minutesText(m),
    ];
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v;
      cell.border = border;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    row.getCell(2).numFmt = 'yyyy-mm-dd';
    row.getCell(10).numFmt = '0.0';
  });
  if (section.meetings.length === 0) {
    ws.mergeCells(3, 1, 3, meetingColumns.length);
    ws.getCell(3, 1).value = '本年度无记录';
    ws.getCell(3, 1).alignment = { horizontal: 'center' };
  }
}

export const summaryHeaders = [
  '类型',
  '要求',
  ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
  '一季度',
  '二季度',
  '三季度',
  '四季度',
  '全年合计',
  '达标情况',
];

const periodName = { month: '个月', quarter: '个季度', year: '年' };

export const metText = (s: Ledger['summary'][number]) => {
  if (!s.per) return '—';
  if (s.due === 0) return s.note ?? '—';
  return `${s.met}/${s.due}${periodName[s.per]}达标`;
};

function addSummary(wb: ExcelJS.Workbook, ledger: Ledger) {
  const ws = wb.addWorksheet('汇总', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true } });
  ws.columns = summaryHeaders.map((h, i) => ({ width: i === 0 ? 14 : i === 1 ? 30 : h === '达标情况' ? 18 : 7 }));
  titleRow(ws, `${ledgerTitle(ledger)} — 汇总`, summaryHeaders.length);
  headerRow(ws, 2, summaryHeaders);
  ledger.summary.forEach((s, i) => {
    const row = ws.getRow(i + 3);
    [s.title, s.requirement, ...s.months, ...s.quarters, s.total, metText(s)].forEach((v, c) => {
      row.getCell(c + 1).value = v;
      row.getCell(c + 1).border = border;
    });
  });
}

export async function ledgerWorkbook(ledger: Ledger): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhibu 支部';
  addCover(wb, ledger);
  for (const section of ledger.sections) addSection(wb, ledger, section);
  addSummary(wb, ledger);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
