export * from './types';
export * from './calendar';
export { campaignDefinition, definitionJsonSchema, validateDefinition, type DefinitionIssue, type Validated } from './definition';
