import type { documentKinds } from '@dudao/schema/inputs';

export type DocumentKind = (typeof documentKinds)[number];
