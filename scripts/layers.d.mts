import type { ESLint } from 'eslint';

export interface Layer {
  name: string;
  rank: number;
  paths: string[];
  packages: string[];
}
export const ROOT: string;
export const LAYERS: Layer[];
export const LAYER_ORDER: string;
export function layerOf(file: string): Layer | null;
export function refusal(from: Layer, to: Layer): string | null;
export function packageRefusal(from: Layer, specifier: string): string | null;
export const layersPlugin: ESLint.Plugin;
