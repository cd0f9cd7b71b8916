/**
 * Signs that a sentence was filled with nothing where a word belongs: a
 * placeholder left as is, a value that printed as undefined, null, NaN or
 * [object Object], or an empty slot ("NS lookup of  gave nodata", "( )",
 * "'' "). The catalogue tests run every message through it; pure.
 */
const HOLES: [RegExp, string][] = [
  [/\{\w+\}/, 'an unfilled placeholder'],
  [/(?<!or )\bundefined\b/, 'undefined'], // RFC 3463's "Other or undefined … status" is a phrase
  [/\bnull\b(?! MX)/, 'null'], // "a null MX" (RFC 7505) is a word
  [/\bNaN\b/, 'NaN'],
  [/\[object \w+\]/, '[object …]'],
  [/\S {2,}\S/, 'an empty slot (two spaces)'],
  [/ [,.;:)]/, 'an empty slot (a space before punctuation)'],
  [/[(] |\(\)/, 'an empty slot (empty brackets)'], // [] can be a value: the HELO "[]" quoted
  [/''|""|``/, 'an empty quotation'],
];

/** What is wrong with the text, or [] when it reads whole. */
export function holesIn(text: string): string[] {
  return HOLES.filter(([re]) => re.test(text)).map(([, what]) => what);
}
