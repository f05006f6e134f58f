/** What a city or the province writes on its documents; a field left empty prints as a blank to fill by hand. */
export interface DocumentSettings {
  /** 发文字号, e.g. '蚌民〔2021〕58号'. */
  docNumber: string | null;
  /** 签发人 of an upward document. */
  signer: string | null;
  contactName: string | null;
  contactPhone: string | null;
  /** 抄送机关, e.g. '市人民政府办公室，市财政局'. */
  copyTo: string | null;
  /** 主送机关 of the province's report (民政部 unless set). */
  recipient: string | null;
}

export const noSettings: DocumentSettings = {
  docNumber: null,
  signer: null,
  contactName: null,
  contactPhone: null,
  copyTo: null,
  recipient: null,
};

/** Four full-width spaces: room to write a name or number by hand. */
const gap = '　　　　';

export const docNumberText = (s: DocumentSettings) => s.docNumber ?? `${gap}〔　　　〕　　号`;
export const signerText = (s: DocumentSettings) => s.signer ?? gap;
/** 抄送 names are separated by commas and end with a full stop. */
export const copyToText = (s: DocumentSettings) =>
  s.copyTo ? `抄送：${s.copyTo.replace(/[。.]$/, '')}。` : `抄送：${gap}${gap}。`;
