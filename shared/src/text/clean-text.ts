// Input hygiene for every text a person or an import gives us: control characters (NUL, U+0001,
// which separates index keys, ESC…) and bidi controls (U+202E spoofs names in lists and files) are
// taken out, and the text is normalised to NFC so that "ä" is always one code point.
// Zero-width joiners and variation selectors stay: emoji such as 👩‍👩‍👧 and ❤️ need them.

// C0 and C1 controls without tab and line feed, which multi-line texts keep.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Bidi embeddings, overrides and isolates, the directional marks and the Arabic letter mark. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
/** Tab, line feed and the Unicode line and paragraph separators: not in a single-line text. */
const LINE_BREAKS = /[\t\n\u2028\u2029]/g;

/**
 * A multi-line text as stored: line ends become `\n` (CR LF and a lone CR alike; U+2028/U+2029 too),
 * tab stays, other controls and bidi controls are removed, NFC.
 */
export function cleanMultilineText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(CONTROLS, '')
    .replace(BIDI_CONTROLS, '')
    .normalize('NFC');
}

/**
 * A single-line text (a name, a title, a phone number): a tab or line break becomes a space, so
 * words pasted from two lines do not run together; every other control and bidi control is
 * removed; NFC. Trimming and collapsing spaces is left to the field's schema.
 */
export function cleanText(text: string): string {
  return cleanMultilineText(text).replace(LINE_BREAKS, ' ');
}
