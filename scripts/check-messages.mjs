// Fails the build when a message key is missing (or extra) in any language, or when a
// message's {placeholders} differ from English: a half-translated screen is a bug.
import { readFileSync } from 'node:fs';

const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8'));
const base = settings.baseLocale;
const load = (locale) => JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8'));
const placeholders = (text) =>
  [...String(text).matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

const reference = load(base);
const keys = Object.keys(reference).filter((k) => k !== '$schema');
const problems = [];
for (const locale of settings.locales) {
  if (locale === base) continue;
  const messages = load(locale);
  for (const key of keys) {
    if (!(key in messages)) problems.push(`${locale}: missing "${key}"`);
    else if (typeof messages[key] !== 'string' || messages[key].trim() === '')
      problems.push(`${locale}: empty "${key}"`);
    else if (placeholders(messages[key]) !== placeholders(reference[key]))
      problems.push(
        `${locale}: "${key}" has placeholders {${placeholders(messages[key])}}, English has {${placeholders(reference[key])}}`,
      );
  }
  for (const key of Object.keys(messages)) {
    if (key !== '$schema' && !(key in reference))
      problems.push(`${locale}: "${key}" is not in ${base}.json`);
  }
}
if (problems.length > 0) {
  console.error(`messages: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`messages: ${keys.length} keys in ${settings.locales.length} languages`);
