// What the blob store keeps and for how long; shared by the app and the export bucket (infra).

/** Handover packages and uploads are removed this many days after they are made (they hold personal data). */
export const EXPORT_EXPIRY_DAYS = 7;
/** Where the handover jobs write packages. */
export const EXPORT_PREFIX = 'handover/';
/**
 * Where browsers upload spreadsheets to import. The rows the import-check job reads from an upload
 * are kept beside it (`imports/<workspace>/<import>/rows.json`), so they expire with it.
 */
export const UPLOAD_PREFIX = 'imports/';
