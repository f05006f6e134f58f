import { FileFormatError } from './table-reader';

const MAX_UNCOMPRESSED = 100 * 1024 * 1024;
const MAX_RATIO = 200;
const MAX_ENTRIES = 2000;

/**
 * An .xlsx is a zip; a small upload can declare gigabytes once inflated. Reads the central directory only
 * (no inflation) and refuses archives whose declared sizes or compression ratios are not a spreadsheet's.
 */
export function assertSafeZip(buffer: Buffer): void {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buffer.length) throw new FileFormatError('Excel 文件已损坏（找不到压缩目录）');
  const entries = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  if (entries > MAX_ENTRIES) throw new FileFormatError('Excel 文件包含的内部文件过多，拒绝处理');
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) throw new FileFormatError('Excel 文件已损坏（压缩目录无效）');
    const compressed = buffer.readUInt32LE(offset + 20);
    const uncompressed = buffer.readUInt32LE(offset + 24);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) throw new FileFormatError('Excel 文件过大（ZIP64），拒绝处理');
    total += uncompressed;
    if (total > MAX_UNCOMPRESSED || (uncompressed > 1024 * 1024 && uncompressed / Math.max(compressed, 1) > MAX_RATIO)) {
      throw new FileFormatError('Excel 文件解压后过大（疑似压缩炸弹），拒绝处理');
    }
    offset += 46 + buffer.readUInt16LE(offset + 28) + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
}
