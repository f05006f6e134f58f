export * from './types';
export { anhui2021 } from './anhui-2021';
export * from './calendar';
export { campaignDefinition, definitionJsonSchema, validateDefinition, type DefinitionIssue, type Validated } from './definition';
