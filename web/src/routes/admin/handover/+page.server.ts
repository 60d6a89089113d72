// The handover package page for admins: what the package holds, and the download.
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({});
