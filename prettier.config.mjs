export { default } from '@dudao/prettier-config';
