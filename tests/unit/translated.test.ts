import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { chunkTexts, loadTexts, message } from '../../src/lib/i18n/translated';
import { overwriteGetLocale, type Locale } from '../../src/paraglide/runtime.js';

// The build's texts per language, at run time (src/lib/i18n/translated.ts): what a chunk's
// first line awaits, and what a change of language loads.

let shown: Locale = 'en';
overwriteGetLocale(() => shown);
afterEach(() => {
  shown = 'en';
});

/** A texts file as the build writes it, at a URL that can be imported here. */
function file(texts: string[]): string {
  return `data:text/javascript,${encodeURIComponent(`export default[${texts.join(',')}];`)}`;
}
const BASE = 'http://anyam.test/assets/x.js';

describe('a chunk and its texts', () => {
  it("awaits the shown language's file, and its messages read it; English where none is in", async () => {
    shown = 'vi';
    const texts = await chunkTexts(BASE, {
      vi: file(['`Cài đặt`', '(i)=>`Tháng ${i?.month}`']),
      id: file(['`Pengaturan`', '(i)=>`Bulan ${i?.month}`']),
    });
    const title = message(texts, 0, 'Settings');
    const month = message(texts, 1, (i) => `Month ${String(i.month)}`);
    expect(title()).toBe('Cài đặt');
    expect(month({ month: '6' })).toBe('Tháng 6');
    // Indonesian is not loaded until asked for.
    expect(title({}, { locale: 'id' })).toBe('Settings');
    await loadTexts('id');
    shown = 'id';
    expect(title()).toBe('Pengaturan');
    expect(month({ month: '6' })).toBe('Bulan 6');
    shown = 'en';
    expect(title()).toBe('Settings');
    expect(month({ month: '6' })).toBe('Month 6');
  });

  it('a file that cannot be fetched leaves the chunk in English, and a change to its language is refused', async () => {
    shown = 'fil';
    const missing = 'http://127.0.0.1:9/tr-x-fil-AAAAAAAA.js';
    const texts = await chunkTexts(BASE, { fil: missing, id: 'data:text/javascript,nonsense(' });
    expect(message(texts, 0, 'Settings')()).toBe('Settings');
    shown = 'en';
    await expect(loadTexts('id')).rejects.toThrow();
  });

  it('a file that failed to load is asked for again once it can be (a language refused offline, then online)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'anyam-texts-')), 'tr-x-vi-BBBBBBBB.js');
    const texts = await chunkTexts(BASE, { vi: pathToFileURL(path).href });
    await expect(loadTexts('vi')).rejects.toThrow();
    await expect(loadTexts('vi')).rejects.toThrow();
    writeFileSync(path, 'export default[`Cài đặt`];');
    await loadTexts('vi');
    expect(message(texts, 0, 'Settings')({}, { locale: 'vi' })).toBe('Cài đặt');
  });
});
