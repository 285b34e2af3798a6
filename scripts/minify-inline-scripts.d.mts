import type { Plugin } from 'vite';

export function minifyInlineScripts(html: string): Promise<string>;
export function minifyInlineScriptsPlugin(): Plugin;
