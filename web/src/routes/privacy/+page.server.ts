import { processingFacts, recordOfProcessing } from '@kohtaamo/shared/privacy/record-of-processing';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ categories: recordOfProcessing(), facts: processingFacts });
