/**
 * What an uploaded file really is, judged by its first bytes (a renamed .exe stays an .exe),
 * and whether its name agrees.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

type FileType = { mimeType: string; extensions: string[] };

const types = {
  jpeg: { mimeType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { mimeType: 'image/png', extensions: ['png'] },
  webp: { mimeType: 'image/webp', extensions: ['webp'] },
  pdf: { mimeType: 'application/pdf', extensions: ['pdf'] },
  pptx: { mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'] },
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
} satisfies Record<string, FileType>;

const startsWith = (buffer: Buffer, bytes: number[], offset = 0) =>
  buffer.length >= offset + bytes.length && bytes.every((b, i) => buffer[offset + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The type of the content, or null when it is none of the accepted ones. */
export function detectFileType(buffer: Buffer): FileType | null {
  if (startsWith(buffer, [0xff, 0xd8, 0xff])) return types.jpeg;
  if (startsWith(buffer, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return types.png;
  if (startsWith(buffer, ascii('RIFF')) && startsWith(buffer, ascii('WEBP'), 8)) return types.webp;
  if (startsWith(buffer, ascii('%PDF-'))) return types.pdf;
  // Office documents are ZIP packages; the part names in the local headers say which kind.
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04]) && buffer.includes('[Content_Types].xml')) {
    if (buffer.includes('ppt/')) return types.pptx;
    if (buffer.includes('word/')) return types.docx;
    if (buffer.includes('xl/')) return types.xlsx;
  }
  return null;
}

/** The reason the file is refused, or null when it may be stored. */
export function fileProblem(buffer: Buffer, fileName: string): string | null {
  if (buffer.length === 0) return '文件为空 / the file is empty';
  if (buffer.length > MAX_ATTACHMENT_BYTES) return '文件超过 10 MB / the file is larger than 10 MB';
  const type = detectFileType(buffer);
  if (!type)
    return '仅支持 JPEG、PNG、WebP 图片和 PDF、PPTX、DOCX、XLSX 文件 / only JPEG, PNG, WebP, PDF, PPTX, DOCX and XLSX files are accepted';
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (!type.extensions.includes(extension))
    return `文件扩展名与内容不符（内容为 ${type.extensions[0].toUpperCase()}）/ the file name does not match its content (${type.extensions[0]})`;
  return null;
}
