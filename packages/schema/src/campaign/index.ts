export * from './types';
export * from './calendar';
export {
  campaignDefinition,
  definitionJsonSchema,
  validateDefinition,
  type DefinitionIssue,
  type Validated,
} from './definition';
export {
  cityIssuer,
  documentPlaceholders,
  provinceBureau,
  provinceIssuer,
  figurePlaceholders,
  fillText,
  type DocumentTexts,
  type FigureTexts,
  type NoticePart,
  type NoticeTexts,
  type PlanArea,
  type Achievement,
  type SummaryPart,
  type SummaryTexts,
} from './documents';
