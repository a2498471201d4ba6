// The English language module of `sentiment` (CommonJS, untyped): the AFINN word list.
declare module 'sentiment/languages/en/index.js' {
  const english: { labels: Record<string, number> };
  export default english;
}
