interface Option {
  value: string;
  label: string;
}

/**
 * Picker options with the reliable people first, in their own group, so new work goes to
 * them first (seed 003); everyone else keeps the order given.
 */
export function reliableFirst<T>(
  items: readonly T[],
  option: (item: T) => Option,
  contractorOf: (item: T) => string,
  reliable: ReadonlyMap<string, unknown>,
): (Option | { group: string; items: Option[] })[] {
  const first = items.filter((item) => reliable.has(contractorOf(item))).map(option);
  const rest = items.filter((item) => !reliable.has(contractorOf(item))).map(option);
  if (first.length === 0) return rest;
  return [
    { group: "Reliable — suggested first", items: first },
    { group: "Everyone else", items: rest },
  ];
}
