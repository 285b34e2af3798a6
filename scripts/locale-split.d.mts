import type { Plugin } from 'vite';

export const MESSAGE_MODULE: RegExp;
export const TEXTS_FILE: RegExp;
export const LOADER_GLOBAL: string;
export function splitMessageModule(
  code: string,
  key: string,
  options: { baseLocale: string; locales: readonly string[]; translatedImport: string },
): { code: string; texts: Record<string, string> };
export function withChunkTexts(
  code: string,
  keys: readonly string[],
  files: Record<string, string>,
): string;
export function translationSource(functions: readonly string[]): string;
export function contentHash(source: string): string;
export function chunkPrologue(files: Record<string, string>): string;
export function chunkTextsFiles(code: string): Record<string, string>;
export function localeSplit(options: {
  baseLocale: string;
  locales: readonly string[];
  translatedModule: string;
}): Plugin;
