import { m } from '../../paraglide/messages.js';

/**
 * Member colours: dark enough for white text and 3:1 against both themes' surfaces, and told
 * apart by name as well as hue, so colour is never the only cue.
 */
export const MEMBER_COLORS = [
  { hex: '#0f766e', name: () => m.color_teal() },
  { hex: '#c2410c', name: () => m.color_orange() },
  { hex: '#1d4ed8', name: () => m.color_blue() },
  { hex: '#7e22ce', name: () => m.color_purple() },
  { hex: '#92400e', name: () => m.color_brown() },
  { hex: '#be185d', name: () => m.color_pink() },
] as const;

export function colorName(hex: string): string {
  return MEMBER_COLORS.find((c) => c.hex === hex)?.name() ?? hex;
}
