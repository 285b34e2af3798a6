// Fails the build when a message key is missing (or extra) in any language, when a key is defined
// in two files, or when a message's {placeholders} differ from English: a half-translated screen
// is a bug. Messages are split by area (messages/<area>/<locale>.json) so that work on one view
// never edits another view's files.
import { readFileSync } from 'node:fs';

const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8'));
const base = settings.baseLocale;
const patterns = [settings['plugin.inlang.messageFormat'].pathPattern].flat();
const placeholders = (text) =>
  [...String(text).matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

function load(locale) {
  const merged = {};
  const problems = [];
  for (const pattern of patterns) {
    const file = pattern.replace('{locale}', locale);
    const messages = JSON.parse(readFileSync(file, 'utf8'));
    for (const [key, value] of Object.entries(messages)) {
      if (key === '$schema') continue;
      if (key in merged) problems.push(`${locale}: "${key}" is defined twice (again in ${file})`);
      merged[key] = value;
    }
  }
  return { messages: merged, problems };
}

const reference = load(base);
const problems = [...reference.problems];
const keys = Object.keys(reference.messages);
for (const locale of settings.locales) {
  if (locale === base) continue;
  const { messages, problems: own } = load(locale);
  problems.push(...own);
  for (const key of keys) {
    const text = messages[key];
    const english = reference.messages[key];
    if (!(key in messages)) problems.push(`${locale}: missing "${key}"`);
    else if (typeof text !== 'string' || text.trim() === '')
      problems.push(`${locale}: empty "${key}"`);
    else if (placeholders(text) !== placeholders(english))
      problems.push(
        `${locale}: "${key}" has {${placeholders(text)}}, English has {${placeholders(english)}}`,
      );
  }
  for (const key of Object.keys(messages)) {
    if (!(key in reference.messages)) problems.push(`${locale}: "${key}" is not in English`);
  }
}
if (problems.length > 0) {
  console.error(`messages: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`messages: ${keys.length} keys in ${settings.locales.length} languages`);
