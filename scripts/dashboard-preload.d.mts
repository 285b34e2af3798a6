import type { Plugin } from 'vite';

export const DASHBOARD_CHUNKS_META: string;
export const DASHBOARD_TEXTS_META: string;
export function dashboardTexts(
  bundle: Record<string, { type: string; fileName: string; code?: string }>,
  files: string[],
  base: string,
): string;
export const AFTER_THE_SCORE: RegExp;
export const MAX_DASHBOARD_CHUNKS: number;
export function dashboardChunks(
  bundle: Record<
    string,
    { type: string; fileName: string; isEntry: boolean; moduleIds: string[]; imports: string[] }
  >,
): string[];
export function dashboardPreload(): Plugin;
