/**
 * Words that name an imprint or a way to contact the operator, in link text
 * or in a link's path, in the languages T-Online's correspondents write.
 * Matched after folding (lower case, accents removed, every run of other
 * characters one space) at the start of a word: "Kontaktformular" and
 * "/de/impressum.html" count. A privacy policy alone says nothing about
 * who runs the site, so "privacy"/"Datenschutz" are deliberately absent.
 */
export const IMPRINT_WORDS: Readonly<Record<'imprint' | 'contact' | 'about', readonly string[]>> = {
  imprint: [
    'imprint', 'impressum', 'legal notice', 'legal notices', 'site notice', 'legal info', 'anbieterkennzeichnung',
    'mentions legales', 'aviso legal', 'nota legal', 'note legali', 'colofon', 'colophon', 'impresszum', 'tiraz',
  ],
  contact: [
    'contact', 'kontakt', 'contacto', 'contato', 'contatti', 'contattaci', 'nous contacter', 'contactez',
    'contacteer', 'yhteystiedot', 'kapcsolat', 'iletisim',
  ],
  about: [
    'about us', 'ueber uns', 'uber uns', 'qui sommes nous', 'a propos', 'quienes somos', 'chi siamo',
    'over ons', 'sobre nos', 'o nas', 'om oss', 'om os',
  ],
};
