// The choices of the directory's filters (municipality, type, kind, stage): one list for every page that
// filters associations the directory's way (the directory and a new campaign's choice).
import { associationFrames, northSavoMunicipalities } from '@kohtaamo/shared/association/association.schema';
import { partnerKindsOf } from '@kohtaamo/shared/association/organisation-kind';
import type { Locale } from '@kohtaamo/shared/i18n/messages';
import type { Workspace } from '@kohtaamo/shared/workspace/workspace.schema';

/** The query parameters both pages filter by, as the directory search reads them. */
export const directoryFilterNames = [
  'q',
  'municipality',
  'frame',
  'kind',
  'targetGroup',
  'stage',
  'noContactMonths',
] as const;

export type DirectoryFilterOptions = {
  municipalities: string[];
  frames: string[];
  /** The workspace's partner kinds (the kind filter also offers associations and every partner). */
  partnerKinds: { code: string; name: string }[];
  stages: { code: string; name: string }[];
};

/** The filters' choices in the workspace's own stages, named in `locale`; never fails. */
export function directoryFilterOptions(workspace: Workspace, locale: Locale): DirectoryFilterOptions {
  return {
    municipalities: [...northSavoMunicipalities],
    frames: [...associationFrames],
    partnerKinds: partnerKindsOf(workspace).map((k) => ({ code: k.code, name: k.label[locale] })),
    stages: workspace.stages.map((s) => ({ code: s.code, name: s.label[locale] })),
  };
}
