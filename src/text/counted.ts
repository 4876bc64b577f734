/** `3 cameras`, `1 camera`: a count with its noun, in the plural when it is not one. */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
