/** A month's wording (本月、上月、本周、11月新增、11月末): true of a monthly report, false in a year-end document. */
const MONTH_WORDING = /本月|上月|当月|本周|上周|(?<![\d年])\d{1,2}月(?!以来|\d{1,2}日|\d)/;

export const aboutOneMonth = (sentence: string) => MONTH_WORDING.test(sentence);

/** The narrative without its sentences about one month, which a document quoting it at another date must not repeat. */
export function withoutMonthWording(text: string): string {
  const sentences = text.match(/[^。！？]+[。！？]?/g) ?? [];
  return sentences
    .filter((s) => !aboutOneMonth(s))
    .join('')
    .trim();
}
