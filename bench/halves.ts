/** The half of ../shared/corpus/real a file belongs to: 1 for a*, odd c* and d*; 2 for b*, even c* and d*. Rules are tuned on one half and measured on the other. */
export function halfOf(stem: string): 1 | 2 {
  if (stem.startsWith("a")) return 1;
  if (stem.startsWith("b")) return 2;
  return Number(stem.slice(1)) % 2 === 1 ? 1 : 2;
}
