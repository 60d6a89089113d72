// Which column holds which field: suggested from the headers (Finnish or English, as centres
// name them in their own lists), overridable one column at a time. Pure.

export const importFields = [
  'name',
  'kind',
  'frame',
  'ytunnus',
  'registerNumber',
  'municipalities',
  'targetGroups',
  'email',
  'phone',
  'address',
  'website',
  'foundedYear',
  'notes',
  'personName',
  'personEmail',
  'personPhone',
  'personRole',
  'personStartDate',
] as const;
export type ImportField = (typeof importFields)[number];

/** Header words per field, compared after normalising (lower case, no punctuation or spaces). */
const synonyms: Record<ImportField, string[]> = {
  name: [
    'nimi',
    'yhdistys',
    'yhdistyksennimi',
    'jarjesto',
    'järjestö',
    'toimija',
    'name',
    'association',
    'organisation',
    'organization',
  ],
  kind: ['laji', 'toimijanlaji', 'organisaationlaji', 'kind', 'organisationkind', 'organizationkind'],
  frame: ['tyyppi', 'muoto', 'toimijatyyppi', 'type', 'frame'],
  ytunnus: ['ytunnus', 'y-tunnus', 'businessid', 'vatid'],
  registerNumber: ['rekisterinumero', 'yhdistysrekisterinumero', 'rekno', 'registernumber', 'register'],
  municipalities: [
    'kunta',
    'kunnat',
    'kotikunta',
    'paikkakunta',
    'municipality',
    'municipalities',
    'town',
    'city',
  ],
  targetGroups: ['kohderyhma', 'kohderyhmä', 'kohderyhmat', 'kohderyhmät', 'targetgroup', 'targetgroups'],
  email: ['sahkoposti', 'sähköposti', 'email', 'e-mail', 'yhdistyksensahkoposti'],
  phone: ['puhelin', 'puh', 'puhelinnumero', 'phone', 'telephone'],
  address: ['osoite', 'postiosoite', 'katuosoite', 'address'],
  website: ['verkkosivut', 'kotisivut', 'www', 'website', 'web', 'url'],
  foundedYear: ['perustettu', 'perustamisvuosi', 'founded', 'foundedyear'],
  notes: ['lisatiedot', 'lisätiedot', 'muistiinpanot', 'huomiot', 'notes', 'comments'],
  personName: ['yhteyshenkilo', 'yhteyshenkilö', 'puheenjohtaja', 'contactperson', 'contact', 'contactname'],
  personEmail: ['yhteyshenkilonsahkoposti', 'yhteyshenkilönsähköposti', 'contactemail'],
  personPhone: ['yhteyshenkilonpuhelin', 'yhteyshenkilönpuhelin', 'contactphone'],
  personRole: ['rooli', 'tehtava', 'tehtävä', 'role'],
  personStartDate: ['alkaen', 'aloittanut', 'startdate', 'since'],
};

export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[\s._:()/-]+/g, '');
}

/** Column index → field, suggested from the headers; each field at most once. */
export function suggestMapping(headers: readonly string[]): Map<number, ImportField> {
  const mapping = new Map<number, ImportField>();
  const used = new Set<ImportField>();
  headers.forEach((header, index) => {
    const key = normaliseHeader(header);
    const field = importFields.find(
      (f) => !used.has(f) && synonyms[f].some((s) => normaliseHeader(s) === key),
    );
    if (field) {
      mapping.set(index, field);
      used.add(field);
    }
  });
  return mapping;
}

/** Applies `Header=field` overrides (`Header=` leaves the column out). Unknown names are refused. */
export function overrideMapping(
  headers: readonly string[],
  mapping: Map<number, ImportField>,
  overrides: readonly string[],
): Map<number, ImportField> {
  const result = new Map(mapping);
  for (const override of overrides) {
    const at = override.lastIndexOf('=');
    const header = override.slice(0, at).trim();
    const field = override.slice(at + 1).trim();
    const index = headers.findIndex((h) => h === header);
    if (at < 0 || index < 0) throw new Error(`No column "${header}" in the file`);
    if (field === '') result.delete(index);
    else if ((importFields as readonly string[]).includes(field)) {
      for (const [i, f] of result) if (f === field) result.delete(i);
      result.set(index, field as ImportField);
    } else throw new Error(`Unknown field "${field}"; fields: ${importFields.join(', ')}`);
  }
  return result;
}
