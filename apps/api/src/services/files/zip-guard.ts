import { createInflateRaw } from 'node:zlib';
import { FileFormatError } from './file-format-error';

/** What an .xlsx may really inflate to, all entries together; a county's roster is a few MB. */
export const MAX_INFLATED = 32 * 1024 * 1024;
const MAX_ENTRIES = 2000;

export class InflateLimitError extends FileFormatError {}

/** Inflates one deflated entry, counting real output bytes and discarding them; stops the moment the budget runs out. */
function inflatedSize(data: Buffer, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let total = 0;
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > budget) {
        inflate.destroy();
        reject(
          new InflateLimitError(`Excel 文件解压后超过 ${MAX_INFLATED / 1024 / 1024} MB（疑似压缩炸弹），拒绝处理`),
        );
      }
    });
    inflate.on('end', () => resolve(total));
    inflate.on('error', () => reject(new FileFormatError('Excel 文件已损坏（压缩数据无效）')));
    inflate.end(data);
  });
}

/**
 * An .xlsx is a zip, and what a zip declares about its sizes is the sender's word. Walks the central directory and
 * inflates every entry for real, counting bytes without keeping them, so memory stays bounded and a bomb is refused
 * after at most MAX_INFLATED bytes of work — before exceljs inflates anything.
 */
export async function assertSafeZip(buffer: Buffer): Promise<void> {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buffer.length) throw new FileFormatError('Excel 文件已损坏（找不到压缩目录）');
  const entries = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  if (entries > MAX_ENTRIES) throw new FileFormatError('Excel 文件包含的内部文件过多，拒绝处理');
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50)
      throw new FileFormatError('Excel 文件已损坏（压缩目录无效）');
    const method = buffer.readUInt16LE(offset + 10);
    const compressed = buffer.readUInt32LE(offset + 20);
    const local = buffer.readUInt32LE(offset + 42);
    if (compressed === 0xffffffff || local === 0xffffffff)
      throw new FileFormatError('Excel 文件过大（ZIP64），拒绝处理');
    if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== 0x04034b50)
      throw new FileFormatError('Excel 文件已损坏（文件头无效）');
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    if (start + compressed > buffer.length) throw new FileFormatError('Excel 文件已损坏（压缩数据不完整）');
    const data = buffer.subarray(start, start + compressed);
    if (method === 0) total += compressed;
    else if (method === 8) total += await inflatedSize(data, MAX_INFLATED - total);
    else throw new FileFormatError('Excel 文件使用了不支持的压缩方式');
    if (total > MAX_INFLATED)
      throw new InflateLimitError(`Excel 文件解压后超过 ${MAX_INFLATED / 1024 / 1024} MB（疑似压缩炸弹），拒绝处理`);
    offset +=
      46 + buffer.readUInt16LE(offset + 28) + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
}
