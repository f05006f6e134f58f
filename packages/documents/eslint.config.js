import { base } from '@dudao/eslint-config/base';

export default base(import.meta.dirname);
