// sentiment's language processor (CommonJS, untyped): the AFINN word and emoji list for English.
declare module 'sentiment/lib/language-processor.js' {
  const processor: { getLabels(languageCode: string): Record<string, number> };
  export default processor;
}
