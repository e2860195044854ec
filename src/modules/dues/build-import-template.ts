/** A dues import template: the sheet to fill (drop-downs for fixed choices), and a sheet explaining every column with an example row. */
import ExcelJS from 'exceljs';
import type { ImportColumn } from './import-columns.ts';

export async function buildImportTemplate(
  sheetName: string,
  columns: ImportColumn[],
  members: { code: string; name: string }[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhibu 支部';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(12, c.header.length * 2) }));
  sheet.getRow(1).font = { bold: true };
  // The members the downloading user may import for, pre-filled so only the figures are left to type.
  for (const m of members) sheet.addRow({ code: m.code, name: m.name });
  columns.forEach((c, i) => {
    if (c.required) sheet.getRow(1).getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
    // Text keeps codes, months and amounts as typed (Excel would turn 2025-03 into a date).
    sheet.getColumn(i + 1).numFmt = '@';
    if (c.choices)
      for (let row = 2; row <= 1000; row++)
        sheet.getCell(row, i + 1).dataValidation = {
          type: 'list',
          allowBlank: !c.required,
          formulae: [`"${c.choices.join(',')}"`],
        };
  });

  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', key: 'header', width: 32 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写说明', key: 'help', width: 60 },
    { header: '示例', key: 'example', width: 16 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns)
    help.addRow({ header: c.header, required: c.required ? '必填' : '选填', help: c.help, example: c.example });
  help.addRow([]);
  help.addRow(['任何一行有误时整个文件都不会导入，请按错误报告修改后重新上传。']);
  help.addRow(['金额以元为单位，最多两位小数；系统按分精确保存。']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
