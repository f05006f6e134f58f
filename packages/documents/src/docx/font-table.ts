import { FONT } from './gbt9704';

/** A font the document names, with the name a reader should try when it lacks it (the next entry names that one's own). */
type FontEntry = {
  name: string;
  altName?: string;
  panose: string;
  charset: string;
  family: 'auto' | 'modern' | 'roman' | 'swiss';
  pitch: 'fixed' | 'variable';
};

// The 方正 and _GB2312 faces are missing from most computers outside government offices: each falls back to the face
// Windows ships (仿宋, 楷体, 宋体), which falls back to its Latin name, as Word and WPS write them.
const GB2312 = '86';
export const FONT_TABLE: readonly FontEntry[] = [
  {
    name: FONT.body,
    altName: '仿宋',
    panose: '02010609030101010101',
    charset: GB2312,
    family: 'modern',
    pitch: 'fixed',
  },
  {
    name: '仿宋',
    altName: 'FangSong',
    panose: '02010609060101010101',
    charset: GB2312,
    family: 'modern',
    pitch: 'fixed',
  },
  {
    name: FONT.heading2,
    altName: '楷体',
    panose: '02010609030101010101',
    charset: GB2312,
    family: 'modern',
    pitch: 'fixed',
  },
  { name: '楷体', altName: 'KaiTi', panose: '02010609060101010101', charset: GB2312, family: 'modern', pitch: 'fixed' },
  {
    name: FONT.title,
    altName: '小标宋',
    panose: '02000000000000000000',
    charset: GB2312,
    family: 'auto',
    pitch: 'variable',
  },
  {
    name: '小标宋',
    altName: '宋体',
    panose: '02000000000000000000',
    charset: GB2312,
    family: 'auto',
    pitch: 'variable',
  },
  {
    name: FONT.heading1,
    altName: 'SimHei',
    panose: '02010609060101010101',
    charset: GB2312,
    family: 'modern',
    pitch: 'fixed',
  },
  {
    name: FONT.pageNumber,
    altName: 'SimSun',
    panose: '02010600030101010101',
    charset: GB2312,
    family: 'auto',
    pitch: 'variable',
  },
  { name: FONT.latin, panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
];

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function fontXml(f: FontEntry): string {
  const alt = f.altName ? `<w:altName w:val="${attr(f.altName)}"/>` : '';
  return `<w:font w:name="${attr(f.name)}">${alt}<w:panose1 w:val="${f.panose}"/><w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`;
}

/** `word/fontTable.xml` naming every face the documents use with its fallbacks, in place of the library's empty table. */
export function fontTableXml(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    FONT_TABLE.map(fontXml).join('') +
    '</w:fonts>'
  );
}

export const fontTableOverride = () => ({ path: 'word/fontTable.xml', data: fontTableXml() });
