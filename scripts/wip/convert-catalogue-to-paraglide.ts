// One-time conversion of the TypeScript catalogue into inlang message-format JSON.
import { writeFileSync, mkdirSync } from 'node:fs';
import { messages } from '/work/main/shared/src/i18n/messages';
import { accountMessages } from '/work/main/shared/src/i18n/account.messages';
import { associationRecordMessages } from '/work/main/shared/src/i18n/association-record.messages';
import { campaignMessages } from '/work/main/shared/src/i18n/campaign.messages';
import { dailyLoopMessages } from '/work/main/shared/src/i18n/daily-loop.messages';
import { eventMessages } from '/work/main/shared/src/i18n/event.messages';
import { importCheckMessages } from '/work/main/shared/src/i18n/import-check.messages';
import { inputMessages } from '/work/main/shared/src/i18n/input.messages';
import { reportMessages } from '/work/main/shared/src/i18n/report.messages';
import { throttleMessages } from '/work/main/shared/src/i18n/throttle.messages';

type Pair = { fi: string; en: string };
const features: Record<string, Record<string, Pair>> = {
  account: accountMessages, 'association-record': associationRecordMessages, campaign: campaignMessages,
  'daily-loop': dailyLoopMessages, event: eventMessages, 'import-check': importCheckMessages,
  input: inputMessages, report: reportMessages, throttle: throttleMessages,
};
const taken = new Set(Object.values(features).flatMap((f) => Object.keys(f)));
features.app = Object.fromEntries(Object.entries(messages).filter(([k]) => !taken.has(k)));

// Count-dependent wording: [one, other] per language, for a single plural input.
const plural: Record<string, { input: string; fi: [string, string]; en: [string, string] }> = {
  'campaign.rows': { input: 'count', fi: ['{count} yhdistys', '{count} yhdistystä'], en: ['{count} association', '{count} associations'] },
  'campaign.previewCount': { input: 'count', fi: ['Rajaus valitsee {count} yhdistyksen.', 'Rajaus valitsee {count} yhdistystä.'], en: ['The filter chooses {count} association.', 'The filter chooses {count} associations.'] },
  'campaign.previewMore': { input: 'count', fi: ['… ja {count} muu', '… ja {count} muuta'], en: ['… and {count} more', '… and {count} more'] },
  'event.feedbackCount': { input: 'count', fi: ['{count} palaute', '{count} palautetta'], en: ['{count} response', '{count} responses'] },
  'import.start': { input: 'count', fi: ['Tuo {count} rivi', 'Tuo {count} riviä'], en: ['Import {count} row', 'Import {count} rows'] },
  'pipeline.count': { input: 'count', fi: ['{count} yhdistys', '{count} yhdistystä'], en: ['{count} association', '{count} associations'] },
  'pipeline.days': { input: 'days', fi: ['{days} pv vaiheessa', '{days} pv vaiheessa'], en: ['{days} day in stage', '{days} days in stage'] },
  'directory.count': { input: 'count', fi: ['{count} yhdistys tällä sivulla', '{count} yhdistystä tällä sivulla'], en: ['{count} association on this page', '{count} associations on this page'] },
  'directory.total': { input: 'count', fi: ['{count} hakutulos', '{count} hakutulosta'], en: ['{count} result', '{count} results'] },
  'directory.filter.noContactMonths': { input: 'months', fi: ['{months} kk:een', '{months} kk:een'], en: ['{months} month', '{months} months'] },
  'association.stageSince': { input: 'days', fi: ['{date} alkaen ({days} pv)', '{date} alkaen ({days} pv)'], en: ['since {date} ({days} day)', 'since {date} ({days} days)'] },
  'report.rowsCount': { input: 'count', fi: ['{count} rivi', '{count} riviä'], en: ['{count} row', '{count} rows'] },
};

function variant(key: string, locale: 'fi' | 'en', text: string) {
  const p = plural[key];
  if (!p) return text;
  const inputs = [...new Set((text.match(/\{(\w+)\}/g) ?? []).map((s) => s.slice(1, -1)))];
  const [one, other] = p[locale];
  return [
    {
      declarations: [...inputs.map((i) => `input ${i}`), `local ${p.input}Plural = ${p.input}: plural`],
      selectors: [`${p.input}Plural`],
      match: { [`${p.input}Plural=one`]: one, [`${p.input}Plural=*`]: other },
    },
  ];
}

for (const locale of ['fi', 'en'] as const) {
  mkdirSync(`/work/main/shared/messages/${locale}`, { recursive: true });
  for (const [feature, catalogue] of Object.entries(features)) {
    const out: Record<string, unknown> = { $schema: 'https://inlang.com/schema/inlang-message-format' };
    for (const [k, v] of Object.entries(catalogue)) out[k] = variant(k, locale, v[locale]);
    writeFileSync(`/work/main/shared/messages/${locale}/${feature}.json`, JSON.stringify(out, null, 2) + '\n');
  }
}
for (const k of Object.keys(plural)) if (!(k in messages)) throw new Error(k);
console.log(Object.entries(features).map(([f, c]) => `${f}: ${Object.keys(c).length}`).join(', '));
