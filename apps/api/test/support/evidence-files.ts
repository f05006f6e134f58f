import { Resvg } from '@resvg/resvg-js';

/** A real PNG: a small photo-like image rendered from SVG. */
export function photoPng(): Buffer {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="#2e7d32"/><circle cx="20" cy="15" r="8" fill="#fff"/></svg>';
  return Buffer.from(new Resvg(svg).render().asPng());
}

/** A real one-page PDF with its cross-reference table, as a scanner writes one. */
export function scanPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A Windows program (its MZ header and DOS stub) renamed to look like a photo. */
export function renamedExe(): Buffer {
  return Buffer.concat([
    Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
    Buffer.from('This program cannot be run in DOS mode.\r\n', 'latin1'),
    Buffer.alloc(64),
  ]);
}
